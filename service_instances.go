package connectlocal

import (
	"context"
	"strings"
)

// CreateInstanceInput is CreateInstance's request, already checked against the model.
type CreateInstanceInput struct {
	IdentityManagementType string
	Alias                  string
	DirectoryID            string
	InboundCallsEnabled    bool
	OutboundCallsEnabled   bool
	Tags                   map[string]string
	ClientToken            string
}

// CreateInstance creates an instance that is ACTIVE at once (spec-facts §9).
func (s *Service) CreateInstance(ctx context.Context, scope Scope, in CreateInstanceInput) (Instance, error) {
	id := s.newID(ctx)
	inst := Instance{
		ID: id, IdentityManagementType: in.IdentityManagementType, Alias: in.Alias, DirectoryID: in.DirectoryID,
		InboundCallsEnabled: in.InboundCallsEnabled, OutboundCallsEnabled: in.OutboundCallsEnabled,
		Status: "ACTIVE", CreatedTime: s.now(),
		ServiceRole: serviceRole(scope, id),
	}
	var out Instance
	err := s.Store.Update(ctx, ScopeKey(scope), func(tx Tx) error {
		out = inst // every run sets the result afresh: Update may re-run this function
		key := TokenKey{Operation: "CreateInstance", Token: in.ClientToken}
		if prev, ok, err := s.remembered(tx, scope, key); err != nil || ok {
			out = Instance{ID: prev}
			return err
		}
		if err := s.createInstance(ctx, tx, scope, inst, in.Tags); err != nil {
			return err
		}
		return s.remember(tx, scope, key, id)
	})
	if err != nil {
		return Instance{}, err
	}
	return out, nil
}

// createInstance is the one create path of an instance, for CreateInstance and Import (so seed files and
// the state document too): CreateInstance's rules, the region's quota, an alias no instance of the region
// holds, the tags, and what every new instance holds. inst carries its id, status, times and service role.
func (s *Service) createInstance(ctx context.Context, tx Tx, scope Scope, inst Instance, tags map[string]string) error {
	if err := checkNewInstance(inst.IdentityManagementType, inst.Alias, inst.DirectoryID); err != nil {
		return err
	}
	n, err := tx.CountInstances(scope)
	if err != nil {
		return err
	}
	if n >= s.Quotas.InstancesPerRegion {
		return quotaError("instances per region", s.Quotas.InstancesPerRegion)
	}
	if err := tx.CreateInstance(scope, inst); err != nil {
		if CodeOf(err) == AlreadyExists {
			// Real Amazon Connect's own words for a taken alias: hashicorp/terraform-provider-aws issue #38115 shows
			// "InvalidRequestException: Invalid Input. Instance alias is already used." with status 400.
			return Errorf(InvalidRequest, "Invalid Input. Instance alias is already used.")
		}
		return err
	}
	if len(tags) > 0 {
		if err := tx.PutTags(scope, scope.InstanceARN(inst.ID), tags); err != nil {
			return err
		}
	}
	return s.putInstanceDefaults(ctx, tx, scope, inst)
}

// checkNewInstance applies CreateInstance's rules that the model cannot state.
func checkNewInstance(identity, alias, directory string) error {
	switch identity {
	case "CONNECT_MANAGED", "SAML":
		if alias == "" {
			return Errorf(InvalidRequest, "InstanceAlias is required when IdentityManagementType is %s", identity)
		}
	case "EXISTING_DIRECTORY":
		if directory == "" {
			return Errorf(InvalidRequest, "DirectoryId is required when IdentityManagementType is EXISTING_DIRECTORY")
		}
	}
	return nil
}

func serviceRole(scope Scope, id string) string {
	return "arn:aws:iam::" + scope.Account + ":role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect_" + strings.ReplaceAll(id+strings.Repeat("0", 20), "-", "")[:20]
}

// DescribeInstance returns the instance and its tags.
func (s *Service) DescribeInstance(ctx context.Context, scope Scope, raw string) (Instance, map[string]string, error) {
	var inst Instance
	var tags map[string]string
	err := s.Store.View(ctx, func(tx Tx) error {
		id, err := requireInstance(tx, scope, raw)
		if err != nil {
			return err
		}
		if inst, err = tx.GetInstance(scope, id); err != nil {
			return err
		}
		tags, err = tx.Tags(scope, scope.InstanceARN(id))
		return err
	})
	return inst, tags, err
}

// ListInstances returns one page of instances and the token for the next, if any.
func (s *Service) ListInstances(ctx context.Context, scope Scope, page Page) ([]Instance, string, error) {
	return listPage(ctx, s, page, 10, func(tx Tx) (string, func(Cursor, int) ([]Instance, error), error) {
		return "ListInstances", func(after Cursor, limit int) ([]Instance, error) {
			return tx.ListInstances(scope, after, limit)
		}, nil
	}, func(i Instance) Cursor { return Cursor{CreatedTime: i.CreatedTime, ID: i.ID} })
}

// DeleteInstance deletes the instance and everything in it at once (spec-facts §9). A repeat with the same
// ClientToken answers success again.
func (s *Service) DeleteInstance(ctx context.Context, scope Scope, raw, clientToken string) error {
	id, err := instanceID(scope, raw)
	if err != nil {
		return err
	}
	return s.Store.Update(ctx, InstanceKey(scope, id), func(tx Tx) error {
		// Kept outside the instance (InstanceID empty) so the cascade does not forget it.
		key := TokenKey{Operation: "DeleteInstance", Token: clientToken}
		if prev, ok, err := s.remembered(tx, scope, key); err != nil || (ok && prev == id) {
			return err
		}
		if err := tx.DeleteInstance(scope, id); err != nil {
			if CodeOf(err) == NotFound {
				return Errorf(NotFound, "Instance '%s' not found", raw)
			}
			return err
		}
		return s.remember(tx, scope, key, id)
	})
}
