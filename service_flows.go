package connectlocal

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
)

// CreateContactFlowInput is CreateContactFlow's request, already checked against the model.
type CreateContactFlowInput struct {
	InstanceID  string
	Name        string
	Type        string
	Description string
	Content     string
	Status      string // empty → PUBLISHED (spec-facts §11)
	Tags        map[string]string
}

// FlowContentSHA256 is the lowercase hex SHA-256 of a flow's content (spec-facts §11).
func FlowContentSHA256(content string) string {
	sum := sha256.Sum256([]byte(content))
	return hex.EncodeToString(sum[:])
}

// CreateContactFlow stores a flow after checking its content.
func (s *Service) CreateContactFlow(ctx context.Context, scope Scope, in CreateContactFlowInput) (ContactFlow, error) {
	now := s.now()
	base := ContactFlow{ID: s.newID(ctx), Name: in.Name, Type: in.Type, Description: in.Description, Content: in.Content,
		Status: in.Status, CreatedTime: now, LastModifiedTime: now}
	var f ContactFlow
	err := s.Store.Update(ctx, instanceKey(scope, in.InstanceID), func(tx Tx) error {
		f = base // every run starts afresh: Update may re-run this function
		inst, err := requireInstance(tx, scope, in.InstanceID)
		if err != nil {
			return err
		}
		f.InstanceID = inst
		return s.createFlow(tx, scope, &f, in.Tags)
	})
	if err != nil {
		return ContactFlow{}, err
	}
	return f, nil
}

// checkNewFlow applies CreateContactFlow's rules and defaults (an empty Status is PUBLISHED).
func checkNewFlow(f *ContactFlow) error {
	if n := utf8.RuneCountInString(f.Name); n > MaxFlowName {
		// spec-facts §11: the model sets no maximum; CloudFormation's flow schema caps names at 127.
		return Errorf(InvalidArgument, "Value '%s' at 'Name' failed to satisfy constraint: Member must have length less than or equal to %d", clip(f.Name), MaxFlowName)
	}
	if f.Status == "" {
		f.Status = "PUBLISHED"
	}
	f.State = "ACTIVE"
	f.Published = f.Published || f.Status == "PUBLISHED"
	return CheckFlowContent(f.Content, f.Status == "PUBLISHED")
}

// createFlow is the one create path of a flow, for CreateContactFlow and Import (so seed files and the
// state document too): the flow's rules and defaults (checkNewFlow), the flows-per-instance limit, a name no
// other flow of the instance has, and its tags.
func (s *Service) createFlow(tx Tx, scope Scope, f *ContactFlow, tags map[string]string) error {
	if err := checkNewFlow(f); err != nil {
		return err
	}
	if f.Status == "PUBLISHED" { // only a published flow is validated (research-routing §4)
		if err := checkFlowReferences(tx, scope, f.InstanceID, f.Content); err != nil {
			return err
		}
	}
	n, err := tx.CountContactFlows(scope, f.InstanceID)
	if err != nil {
		return err
	}
	if n >= s.Quotas.FlowsPerInstance {
		e := Errorf(QuotaExceeded, "The limit of %d flows per instance has been reached", s.Quotas.FlowsPerInstance)
		e.Quota = "flows-per-instance"
		return e
	}
	if err := tx.PutContactFlow(scope, *f); err != nil {
		if CodeOf(err) == AlreadyExists {
			return Errorf(AlreadyExists, "A flow named '%s' already exists in this instance", f.Name)
		}
		return err
	}
	if len(tags) > 0 {
		return tx.PutTags(scope, scope.ContactFlowARN(f.InstanceID, f.ID), tags)
	}
	return nil
}

// savedSuffix asks DescribeContactFlow for the saved content (spec-facts §11).
const savedSuffix = ":$SAVED"

// DescribeContactFlow returns the flow and its tags. A flow never published is only shown with ":$SAVED".
func (s *Service) DescribeContactFlow(ctx context.Context, scope Scope, instance, id string) (ContactFlow, map[string]string, error) {
	var f ContactFlow
	var tags map[string]string
	raw, saved := strings.CutSuffix(id, savedSuffix)
	err := s.Store.View(ctx, func(tx Tx) error {
		inst, err := requireInstance(tx, scope, instance)
		if err != nil {
			return err
		}
		if f, err = getFlow(tx, scope, inst, raw); err != nil {
			return err
		}
		if !f.Published && !saved {
			return Errorf(FlowNotPublished, "Flow '%s' has not been published; ask for '%s%s' to see the saved version", raw, raw, savedSuffix)
		}
		tags, err = tx.Tags(scope, scope.ContactFlowARN(inst, f.ID))
		return err
	})
	return f, tags, err
}

func getFlow(tx Tx, scope Scope, inst, raw string) (ContactFlow, error) {
	id, ok := childID(scope, inst, KindContactFlow, raw)
	if !ok {
		return ContactFlow{}, notFound("Flow", raw)
	}
	f, err := tx.GetContactFlow(scope, inst, id)
	if CodeOf(err) == NotFound {
		return ContactFlow{}, notFound("Flow", raw)
	}
	return f, err
}

// ListContactFlows returns one page of the instance's flows of the given types (all when none).
func (s *Service) ListContactFlows(ctx context.Context, scope Scope, instance string, types []string, page Page) ([]ContactFlow, string, error) {
	return listPage(ctx, s, page, 100, func(tx Tx) (string, func(Cursor, int) ([]ContactFlow, error), error) {
		inst, err := requireInstance(tx, scope, instance)
		query := "ListContactFlows\x00" + inst + "\x00" + strings.Join(types, ",")
		return query, func(after Cursor, limit int) ([]ContactFlow, error) {
			return tx.ListContactFlows(scope, inst, types, after, limit)
		}, err
	}, func(f ContactFlow) Cursor { return Cursor{CreatedTime: f.CreatedTime, ID: f.ID} })
}

// UpdateContactFlowContent replaces a flow's content, checking it when the flow is published.
func (s *Service) UpdateContactFlowContent(ctx context.Context, scope Scope, instance, id, content string) error {
	now := s.now()
	return s.Store.Update(ctx, instanceKey(scope, instance), func(tx Tx) error {
		inst, err := requireInstance(tx, scope, instance)
		if err != nil {
			return err
		}
		f, err := getFlow(tx, scope, inst, id)
		if err != nil {
			return err
		}
		if err := CheckFlowContent(content, f.Status == "PUBLISHED"); err != nil {
			return err
		}
		if f.Status == "PUBLISHED" {
			if err := checkFlowReferences(tx, scope, inst, content); err != nil {
				return err
			}
		}
		f.Content, f.LastModifiedTime = content, now
		return tx.PutContactFlow(scope, f)
	})
}

// UpdateFlowMetadataInput is UpdateContactFlowName's and UpdateContactFlowMetadata's request: nil members stay.
type UpdateFlowMetadataInput struct {
	Instance    string
	ID          string
	Name        *string
	Description *string
	State       *string // ACTIVE | ARCHIVED (UpdateContactFlowMetadata only)
}

// UpdateContactFlowMetadata changes a flow's name, description and state; a taken name is refused. Cloud
// Control's flow update and Terraform's aws_connect_contact_flow rename through it (or UpdateContactFlowName).
func (s *Service) UpdateContactFlowMetadata(ctx context.Context, scope Scope, in UpdateFlowMetadataInput) error {
	if in.Name != nil {
		if n := utf8.RuneCountInString(*in.Name); n > MaxFlowName {
			return Errorf(InvalidArgument, "Value '%s' at 'Name' failed to satisfy constraint: Member must have length less than or equal to %d", clip(*in.Name), MaxFlowName)
		}
	}
	now := s.now()
	return s.Store.Update(ctx, instanceKey(scope, in.Instance), func(tx Tx) error {
		inst, err := requireInstance(tx, scope, in.Instance)
		if err != nil {
			return err
		}
		f, err := getFlow(tx, scope, inst, in.ID)
		if err != nil {
			return err
		}
		if in.Name != nil {
			f.Name = *in.Name
		}
		if in.Description != nil {
			f.Description = *in.Description
		}
		if in.State != nil {
			f.State = *in.State
		}
		f.LastModifiedTime = now
		if err := tx.PutContactFlow(scope, f); err != nil {
			if CodeOf(err) == AlreadyExists {
				return Errorf(AlreadyExists, "A flow named '%s' already exists in this instance", f.Name)
			}
			return err
		}
		return nil
	})
}

// DeleteContactFlow deletes a flow even when templates name it (spec-facts §11, §15.6).
func (s *Service) DeleteContactFlow(ctx context.Context, scope Scope, instance, id string) error {
	return s.Store.Update(ctx, instanceKey(scope, instance), func(tx Tx) error {
		inst, err := requireInstance(tx, scope, instance)
		if err != nil {
			return err
		}
		f, err := getFlow(tx, scope, inst, id)
		if err != nil {
			return err
		}
		return tx.DeleteContactFlow(scope, inst, f.ID)
	})
}

// reservedJS are names an action Identifier may not take (spec-facts §11, [S17]).
var reservedJS = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`break case catch class const continue debugger default delete do else export
		extends finally for function if import in instanceof new return super switch this throw try typeof var void
		while with yield let static enum await implements package protected interface private public null true false`) {
		reservedJS[w] = true
	}
}

// MaxFlowActions and MaxFlowContent bound a flow (spec-facts §1, §11).
const (
	MaxFlowName    = 127
	MaxFlowActions = 250
	MaxFlowContent = 256000
)

// CheckFlowContent checks flow content: it must be a JSON object always, and when published it must follow
// the Flow language's structure (spec-facts §11, [S17]); the actions themselves are not interpreted.
func CheckFlowContent(content string, published bool) error {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	var doc map[string]json.RawMessage
	if err := json.Unmarshal([]byte(content), &doc); err != nil {
		add("Flow content is not a JSON object")
	} else if published {
		if n := utf8.RuneCountInString(content); n > MaxFlowContent {
			add("Flow content has %d characters; at most %d are allowed", n, MaxFlowContent)
		}
		var version, start string
		if json.Unmarshal(doc["Version"], &version) != nil || version != "2019-10-30" {
			add("Version must be \"2019-10-30\"")
		}
		json.Unmarshal(doc["StartAction"], &start)
		var actions []map[string]json.RawMessage
		if json.Unmarshal(doc["Actions"], &actions) != nil || doc["Actions"] == nil {
			add("Actions must be a list of actions")
		}
		if len(actions) > MaxFlowActions {
			add("A flow may have at most %d actions, not %d", MaxFlowActions, len(actions))
		}
		ids := map[string]bool{}
		for i, a := range actions {
			var id string
			json.Unmarshal(a["Identifier"], &id)
			switch {
			case id == "":
				add("Actions[%d] has no Identifier", i)
			case utf8.RuneCountInString(id) > 50 || strings.ContainsAny(id, `%:()\/=$,;[]{}`) || reservedJS[id]:
				add("Actions[%d] has an invalid Identifier '%s'", i, clip(id))
			case ids[id]:
				add("Actions[%d] repeats the Identifier '%s'", i, clip(id))
			}
			ids[id] = true
			for _, member := range []string{"Type", "Parameters", "Transitions"} {
				if a[member] == nil {
					add("Actions[%d] has no %s", i, member)
				}
			}
		}
		if start == "" || !ids[start] {
			add("StartAction must name an action in Actions")
		}
	}
	if len(problems) == 0 {
		return nil
	}
	return flowProblems(problems)
}
