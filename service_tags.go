package connectlocal

import (
	"context"
	"maps"
)

// MaxTagsPerResource is the tag limit (spec-facts §12, [S15]).
const MaxTagsPerResource = 50

// taggable resolves a resource ARN the caller may tag: an instance, task template or flow of its scope
// (spec-facts §12). A malformed ARN or a contact is InvalidArgument; one that names nothing is NotFound.
func taggable(tx Tx, scope Scope, arn string) (string, error) {
	rn, ok := ParseARN(arn)
	if !ok {
		return "", Errorf(InvalidArgument, "Invalid resourceArn '%s'", arn)
	}
	if rn.Kind == KindContact {
		return "", Errorf(InvalidArgument, "Contacts are tagged with TagContact, not TagResource: '%s'", arn)
	}
	if !rn.In(scope) {
		return "", notFound("Resource", arn)
	}
	var err error
	switch rn.Kind {
	case KindInstance:
		_, err = tx.GetInstance(scope, rn.InstanceID)
	case KindTaskTemplate:
		_, err = tx.GetTaskTemplate(scope, rn.InstanceID, rn.ID, 0)
	case KindContactFlow:
		_, err = tx.GetContactFlow(scope, rn.InstanceID, rn.ID)
	default: // a routing object (ParseARN accepts only the kinds with an ARN)
		_, err = tx.GetObject(scope, rn.InstanceID, rn.Kind, rn.ID)
	}
	if CodeOf(err) == NotFound {
		return "", notFound("Resource", arn)
	}
	return rn.String(), err
}

// tagKey is the UpdateKey of a tag write: the instance the ARN lies in.
func tagKey(scope Scope, arn string) UpdateKey {
	if rn, ok := ParseARN(arn); ok {
		return InstanceKey(scope, rn.InstanceID)
	}
	return ScopeKey(scope) // a malformed ARN: taggable refuses it
}

// TagResource merges tags into the resource's; the same key overwrites (spec-facts §12).
func (s *Service) TagResource(ctx context.Context, scope Scope, arn string, tags map[string]string) error {
	return s.Store.Update(ctx, tagKey(scope, arn), func(tx Tx) error {
		key, err := taggable(tx, scope, arn)
		if err != nil {
			return err
		}
		cur, err := tx.Tags(scope, key)
		if err != nil {
			return err
		}
		merged := maps.Clone(cur)
		if merged == nil {
			merged = map[string]string{}
		}
		maps.Copy(merged, tags)
		if len(merged) > MaxTagsPerResource {
			return Errorf(InvalidArgument, "A resource may have at most %d tags; this request would give it %d", MaxTagsPerResource, len(merged))
		}
		return tx.PutTags(scope, key, merged)
	})
}

// UntagResource removes the keys; keys the resource lacks are ignored.
func (s *Service) UntagResource(ctx context.Context, scope Scope, arn string, keys []string) error {
	return s.Store.Update(ctx, tagKey(scope, arn), func(tx Tx) error {
		key, err := taggable(tx, scope, arn)
		if err != nil {
			return err
		}
		cur, err := tx.Tags(scope, key)
		if err != nil {
			return err
		}
		cur = maps.Clone(cur)
		for _, k := range keys {
			delete(cur, k)
		}
		return tx.PutTags(scope, key, cur)
	})
}

// ListTagsForResource returns the resource's tags.
func (s *Service) ListTagsForResource(ctx context.Context, scope Scope, arn string) (map[string]string, error) {
	var tags map[string]string
	err := s.Store.View(ctx, func(tx Tx) error {
		key, err := taggable(tx, scope, arn)
		if err != nil {
			return err
		}
		tags, err = tx.Tags(scope, key)
		return err
	})
	return tags, err
}
