package connectlocal

import (
	"context"
	"strings"
)

// VocabularyKind describes custom vocabularies to the shared object helpers.
var VocabularyKind = ObjectKindInfo{Kind: KindVocabulary, Noun: "Vocabulary", Quota: MaxVocabulariesPerInstance,
	QuotaName: "vocabularies-per-instance"}

// Vocabulary states. connectlocal builds nothing, so a vocabulary is ACTIVE as soon as it exists: Terraform's
// create waits for ACTIVE (terraform-provider-facts.md), and a state that moves on its own would only make
// clients poll.
const VocabularyActive = "ACTIVE"

// CreateVocabularyInput is CreateVocabulary's request, checked against the model.
type CreateVocabularyInput struct {
	Instance, Name, LanguageCode, Content, ClientToken string
	Tags                                               map[string]string
}

// CreateVocabulary stores a vocabulary; a name already used for the language is ResourceConflictException (the
// model's only conflict error for the operation; decided per language, as Contact Lens picks one vocabulary
// per language).
func (s *Service) CreateVocabulary(ctx context.Context, scope Scope, in CreateVocabularyInput) (Record[Vocabulary], error) {
	now := s.now()
	id := s.newID(ctx)
	var r Record[Vocabulary]
	err := s.Store.Update(ctx, instanceKey(scope, in.Instance), func(tx Tx) error {
		inst, err := requireInstance(tx, scope, in.Instance)
		if err != nil {
			return err
		}
		key := TokenKey{Operation: "CreateVocabulary", InstanceID: inst, Token: in.ClientToken}
		if prev, ok, err := s.remembered(tx, scope, key); err != nil || ok {
			if err == nil {
				r, err = getRecord[Vocabulary](tx, scope, inst, VocabularyKind, prev)
			}
			return err
		}
		if n, err := tx.CountObjects(scope, inst, KindVocabulary); err != nil {
			return err
		} else if limit := s.objectQuota(VocabularyKind.QuotaName, VocabularyKind.Quota); n >= limit {
			e := Errorf(QuotaExceeded, "The quota of %d vocabularies per instance has been reached", limit)
			e.Quota = VocabularyKind.QuotaName
			return e
		}
		r = Record[Vocabulary]{Object: Object{InstanceID: inst, Kind: KindVocabulary, ID: id, Name: in.LanguageCode + "|" + in.Name, // "|" is in neither a language code nor the name pattern; PostgreSQL text holds no NUL

			CreatedTime: now, LastModifiedTime: now}, Value: Vocabulary{Name: in.Name, LanguageCode: in.LanguageCode,
			Content: in.Content, State: VocabularyActive}, Tags: in.Tags}
		if err := putRecord(tx, scope, VocabularyKind, &r); err != nil {
			if CodeOf(err) == AlreadyExists {
				return Errorf(Conflict, "A vocabulary named '%s' already exists for %s", in.Name, in.LanguageCode)
			}
			return err
		}
		if len(in.Tags) > 0 {
			if err := tx.PutTags(scope, r.ARN(scope), in.Tags); err != nil {
				return err
			}
		}
		return s.remember(tx, scope, key, id)
	})
	return r, err
}

// DescribeVocabulary reads a vocabulary with its tags.
func (s *Service) DescribeVocabulary(ctx context.Context, scope Scope, instance, id string) (Record[Vocabulary], error) {
	return describeRecord[Vocabulary](ctx, s, scope, VocabularyKind, instance, id)
}

// DeleteVocabulary removes a vocabulary at once (its answer says DELETE_IN_PROGRESS, as Connect's does; the
// next DescribeVocabulary is already ResourceNotFoundException, which is what Terraform waits for).
func (s *Service) DeleteVocabulary(ctx context.Context, scope Scope, instance, id string) (Record[Vocabulary], error) {
	var r Record[Vocabulary]
	err := s.Store.Update(ctx, instanceKey(scope, instance), func(tx Tx) error {
		inst, err := requireInstance(tx, scope, instance)
		if err != nil {
			return err
		}
		if r, err = getRecord[Vocabulary](tx, scope, inst, VocabularyKind, id); err != nil {
			return err
		}
		return tx.DeleteObject(scope, inst, KindVocabulary, r.ID)
	})
	return r, err
}

// VocabularyFilter is SearchVocabularies' filter; empty members match everything.
type VocabularyFilter struct{ State, NameStartsWith, LanguageCode string }

// SearchVocabularies reads one page of the vocabularies the filter matches (NameStartsWith ignores case:
// decided, as the console's search does).
func (s *Service) SearchVocabularies(ctx context.Context, scope Scope, instance string, f VocabularyFilter, page Page) ([]Record[Vocabulary], string, error) {
	query := f.State + "\x00" + f.NameStartsWith + "\x00" + f.LanguageCode
	return listRecords(ctx, s, scope, VocabularyKind, instance, page, 100, query, func(_ Tx, r Record[Vocabulary]) (bool, error) {
		v := r.Value
		return (f.State == "" || v.State == f.State) && (f.LanguageCode == "" || v.LanguageCode == f.LanguageCode) &&
			strings.HasPrefix(strings.ToLower(v.Name), strings.ToLower(f.NameStartsWith)), nil
	})
}
