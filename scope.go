package connectlocal

import (
	"regexp"
	"strings"
)

// Scope is the account and region a request acts in. Every resource lives in exactly one Scope and is
// invisible from any other (PRODUCT.md, "The wire").
type Scope struct {
	Account string
	Region  string
}

// Partition is the ARN partition for the region (spec-facts §10).
func (s Scope) Partition() string {
	switch {
	case strings.HasPrefix(s.Region, "cn-"):
		return "aws-cn"
	case strings.HasPrefix(s.Region, "us-gov-"):
		return "aws-us-gov"
	}
	return "aws"
}

// InstanceARN is arn:aws:connect:REGION:ACCOUNT:instance/ID.
func (s Scope) InstanceARN(instanceID string) string {
	return s.instanceChild(instanceID, "", "")
}

// instanceChild is InstanceARN(instanceID)+kind+id built in one concatenation: one allocation where the
// nested calls made three (a cached GetTaskTemplate builds two such ARNs; pprof, issue 19). Not Sprintf:
// every answer builds ARNs.
func (s Scope) instanceChild(instanceID, kind, id string) string {
	return "arn:" + s.Partition() + ":connect:" + s.Region + ":" + s.Account + ":instance/" + instanceID + kind + id
}

// TaskTemplateARN is .../instance/INSTANCE/task-template/ID.
func (s Scope) TaskTemplateARN(instanceID, id string) string {
	return s.instanceChild(instanceID, "/task-template/", id)
}

// ContactFlowARN is .../instance/INSTANCE/contact-flow/ID.
func (s Scope) ContactFlowARN(instanceID, id string) string {
	return s.instanceChild(instanceID, "/contact-flow/", id)
}

// ContactARN is .../instance/INSTANCE/contact/ID.
func (s Scope) ContactARN(instanceID, id string) string {
	return s.instanceChild(instanceID, "/contact/", id)
}

// ResourceKind names what an ARN points at.
type ResourceKind string

const (
	KindInstance     ResourceKind = "instance"
	KindTaskTemplate ResourceKind = "task-template"
	KindContactFlow  ResourceKind = "contact-flow"
	KindContact      ResourceKind = "contact"
)

// ResourceName is a parsed Connect ARN.
type ResourceName struct {
	Partition  string // as written: aws, aws-cn or aws-us-gov
	Scope      Scope
	Kind       ResourceKind
	InstanceID string
	ID         string // empty for an instance
}

// In reports whether the ARN names a resource of scope: same account, same region, and the partition of that
// region. Every region is in exactly one partition, and resources of one partition cannot be reached from
// another (docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html), so
// arn:aws-cn:connect:us-east-1:… names nothing in us-east-1 (partition aws), just as an ARN of another account
// names nothing there; callers answer both alike.
func (rn ResourceName) In(scope Scope) bool {
	return rn.Scope == scope && rn.Partition == scope.Partition()
}

// ParseARN parses an instance or instance-child ARN. It reports false for anything else. Whether the ARN
// belongs to the caller is In's question.
func ParseARN(arn string) (ResourceName, bool) {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" || parts[2] != "connect" || parts[3] == "" || parts[4] == "" {
		return ResourceName{}, false
	}
	switch parts[1] {
	case "aws", "aws-cn", "aws-us-gov":
	default:
		return ResourceName{}, false
	}
	rn := ResourceName{Partition: parts[1], Scope: Scope{Account: parts[4], Region: parts[3]}}
	segs := strings.Split(parts[5], "/")
	if segs[0] != "instance" || len(segs) < 2 || segs[1] == "" {
		return ResourceName{}, false
	}
	rn.InstanceID = segs[1]
	switch len(segs) {
	case 2:
		rn.Kind = KindInstance
		return rn, true
	case 5:
		// A user's AGENT queue: .../queue/agent/ID (aws-cli examples/connect/list-queues.rst); it is the
		// queue ID, so it names the same resource (and tags) as .../queue/ID.
		if segs[2] == string(KindQueue) && segs[3] == "agent" && segs[4] != "" {
			rn.Kind, rn.ID = KindQueue, segs[4]
			return rn, true
		}
	case 4:
		if segs[3] == "" {
			return ResourceName{}, false
		}
		if k := ResourceKind(segs[2]); k == KindTaskTemplate || k == KindContactFlow || k == KindContact || arnKinds[k] {
			rn.Kind, rn.ID = k, segs[3]
			return rn, true
		}
	}
	return ResourceName{}, false
}

// String renders the ARN again.
func (rn ResourceName) String() string {
	if rn.Kind == KindInstance {
		return rn.Scope.InstanceARN(rn.InstanceID)
	}
	return rn.Scope.InstanceARN(rn.InstanceID) + "/" + string(rn.Kind) + "/" + rn.ID
}

// IsAccountID reports whether s is an AWS account id: exactly 12 digits.
func IsAccountID(s string) bool {
	if len(s) != 12 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// regionName is the shape of every AWS region name: a two-to-four-letter area, one or more words, a number
// (us-east-1, us-gov-west-1, cn-north-1, eusc-de-east-1). botocore's endpoints file writes each partition's
// regionRegex in this shape ("^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$" for aws).
var regionName = regexp.MustCompile(`^[a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}$`)

// IsRegion reports whether s is shaped as an AWS region name. A seed or import scope must be one, since no
// client configured for a real region could see what a region like "mars-1" holds (issue 19 #4).
func IsRegion(s string) bool { return regionName.MatchString(s) }

// idChars is what an id that becomes part of an ARN may hold: the API's ids are UUIDs, and one with `/` or
// `:`, or `.`/`..`, would read as another resource's ARN or path (issue 19 #5).
var idChars = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

// CheckID checks an id given to Import or a seed file for a resource the API would have named itself: 1 to
// max characters (the model's length of the id's shape) of letters, digits, `-` and `_`.
func CheckID(member, id string, max int) error {
	if len(id) > max || !idChars.MatchString(id) {
		return Errorf(InvalidArgument, "%s '%s' is not valid: an id is 1 to %d letters, digits, '-' or '_'", member, clip(id), max)
	}
	return nil
}
