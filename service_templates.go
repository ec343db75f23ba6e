package connectlocal

import "context"

// CreateTaskTemplateInput is CreateTaskTemplate's request, already checked against the model.
type CreateTaskTemplateInput struct {
	InstanceID       string
	Name             string
	Description      string
	ContactFlowID    string
	SelfAssignFlowID string
	Constraints      Constraints
	Defaults         []DefaultFieldValue
	Fields           []Field
	Status           TemplateStatus // empty → ACTIVE (spec-facts §4.3 #15)
	ClientToken      string
}

// CreateTaskTemplate stores a new template as version 1. A repeated ClientToken returns the first
// template's InstanceID and ID and creates nothing (spec-facts §6).
func (s *Service) CreateTaskTemplate(ctx context.Context, scope Scope, in CreateTaskTemplateInput) (TaskTemplate, error) {
	now := s.now()
	base := in.Template()
	base.ID, base.CreatedTime, base.LastModifiedTime = s.newID(ctx), now, now
	var t TaskTemplate
	err := s.Store.Update(ctx, instanceKey(scope, in.InstanceID), func(tx Tx) error {
		t = base // every run starts afresh: Update may re-run this function
		inst, err := requireInstance(tx, scope, in.InstanceID)
		if err != nil {
			return err
		}
		t.InstanceID = inst
		key := TokenKey{Operation: "CreateTaskTemplate", InstanceID: inst, Token: in.ClientToken}
		if id, ok, err := s.remembered(tx, scope, key); err != nil || ok {
			t = TaskTemplate{InstanceID: inst, ID: id}
			return err
		}
		if err := s.createTemplate(tx, scope, &t); err != nil {
			return err
		}
		return s.remember(tx, scope, key, t.ID)
	})
	if err != nil {
		return TaskTemplate{}, nameClash(err, base.Name)
	}
	return t, nil
}

// createTemplate is the one create path of a task template, for CreateTaskTemplate and Import (so seed
// files and the state document too): the instance's template quota, the template's rules (checkTemplate,
// which also resolves its flow references in t), then its first version. A t.Version above 1 restores an
// exported template whose older versions Retention had deleted: a store numbers versions from 1, so those
// below are written and deleted again, and the kept ones keep their numbers (tasks name the version they
// started from).
func (s *Service) createTemplate(tx Tx, scope Scope, t *TaskTemplate) error {
	n, err := tx.CountTaskTemplates(scope, t.InstanceID)
	if err != nil {
		return err
	}
	if n >= s.Quotas.TemplatesPerInstance {
		return quotaError("task templates per instance", s.Quotas.TemplatesPerInstance)
	}
	if err := s.checkTemplate(tx, scope, t, true); err != nil {
		return err
	}
	for v := int64(1); v < t.Version; v++ {
		filler := *t
		filler.Version = v
		if err := s.putTemplate(tx, scope, filler); err != nil {
			return err
		}
	}
	if err := s.putTemplate(tx, scope, *t); err != nil {
		return err
	}
	if t.Version > 1 {
		return tx.DeleteTaskTemplateVersionsBefore(scope, t.InstanceID, t.ID, t.Version)
	}
	return nil
}

// Template is the version 1 the input describes, without id or times.
func (in CreateTaskTemplateInput) Template() TaskTemplate {
	t := TaskTemplate{
		InstanceID: in.InstanceID, Name: in.Name, Description: in.Description,
		ContactFlowID: in.ContactFlowID, SelfAssignFlowID: in.SelfAssignFlowID,
		Constraints: in.Constraints, Defaults: in.Defaults, Fields: in.Fields, Status: in.Status, Version: 1,
	}
	if t.Status == "" {
		t.Status = StatusActive
	}
	return t
}

// CheckTemplate runs what needs no store: the field quota (an error) and ValidateTemplate (the violations).
// The Service runs it before its store checks; `connectlocal validate` runs it alone, so the two agree.
func CheckTemplate(t *TaskTemplate, q Quotas) ([]Violation, error) {
	if len(t.Fields) > q.FieldsPerTemplate {
		return nil, quotaError("fields per task template", q.FieldsPerTemplate)
	}
	return ValidateTemplate(t), nil
}

// checkTemplate runs the field quota and every rule of spec-facts §4.3, collecting all violations. The name
// is looked up only when checkName: a template that keeps its name keeps holding it (names are unique).
func (s *Service) checkTemplate(tx Tx, scope Scope, t *TaskTemplate, checkName bool) error {
	alone, err := CheckTemplate(t, s.Quotas)
	if err != nil {
		return err
	}
	vs := violations(alone)
	// A flow given as its ARN is kept and shown as its id, as instance and template ARNs are (issue 12).
	for _, ref := range []struct {
		path string
		id   *string
	}{{"ContactFlowId", &t.ContactFlowID}, {"SelfAssignFlowId", &t.SelfAssignFlowID}} {
		if *ref.id == "" {
			continue
		}
		id, ok := childID(scope, t.InstanceID, KindContactFlow, *ref.id)
		if ok {
			_, err := tx.GetContactFlow(scope, t.InstanceID, id)
			if err != nil && CodeOf(err) != NotFound {
				return err
			}
			ok = err == nil
		}
		if !ok {
			vs.add(RuleFlowExists, ref.path, "Flow '%s' does not exist in this instance", *ref.id)
			continue
		}
		*ref.id = id
	}
	if err := checkQuickConnectDefaults(tx, scope, t, &vs); err != nil {
		return err
	}
	if checkName {
		same, err := tx.ListTaskTemplates(scope, t.InstanceID, TemplateFilter{Name: t.Name}, Cursor{}, 2)
		if err != nil {
			return err
		}
		for _, o := range same {
			if o.ID != t.ID {
				vs.add(RuleUniqueTemplateName, "Name", "A task template named '%s' already exists in this instance", t.Name)
				break
			}
		}
	}
	if len(vs) > 0 {
		return TemplateError(vs)
	}
	return nil
}

// putTemplate stores t, turning a name clash found by the store (a concurrent writer) into rule #14's violation.
func (s *Service) putTemplate(tx Tx, scope Scope, t TaskTemplate) error {
	return nameClash(tx.PutTaskTemplate(scope, t), t.Name)
}

// nameClash turns the store's AlreadyExists into rule #14's violation; it is applied to Update's error too,
// since a backend may report a Put's error at commit (the Tx contract).
func nameClash(err error, name string) error {
	if CodeOf(err) == AlreadyExists {
		var vs violations
		vs.add(RuleUniqueTemplateName, "Name", "A task template named '%s' already exists in this instance", name)
		return TemplateError(vs)
	}
	return err
}

// templateID resolves a template id or ARN within instance.
func templateID(scope Scope, instance, raw string) (string, error) {
	id, ok := childID(scope, instance, KindTaskTemplate, raw)
	if !ok {
		return "", notFound("Task template", raw)
	}
	return id, nil
}

// GetTaskTemplate returns the given snapshot version (0 = latest) and the template's current tags.
func (s *Service) GetTaskTemplate(ctx context.Context, scope Scope, instance, id string, version int64) (TaskTemplate, map[string]string, error) {
	var t TaskTemplate
	var tags map[string]string
	err := s.Store.View(ctx, func(tx Tx) error {
		inst, err := requireInstance(tx, scope, instance)
		if err != nil {
			return err
		}
		tid, err := templateID(scope, inst, id)
		if err != nil {
			return err
		}
		if t, err = tx.GetTaskTemplate(scope, inst, tid, version); err != nil {
			if CodeOf(err) == NotFound {
				if version != 0 {
					return Errorf(NotFound, "Task template '%s' has no snapshot version %d", id, version)
				}
				return notFound("Task template", id)
			}
			return err
		}
		tags, err = tx.Tags(scope, scope.TaskTemplateARN(inst, tid))
		return err
	})
	return t, tags, err
}

// UpdateTaskTemplateInput names what to change; a nil member keeps its stored value (spec-facts §5).
type UpdateTaskTemplateInput struct {
	InstanceID       string
	ID               string
	Name             *string
	Description      *string
	ContactFlowID    *string
	SelfAssignFlowID *string
	Constraints      *Constraints
	Defaults         *[]DefaultFieldValue
	Fields           *[]Field
	Status           *TemplateStatus
}

// UpdateTaskTemplate replaces each member the input names as a whole, re-validates the merged template and
// stores it as the next snapshot version.
func (s *Service) UpdateTaskTemplate(ctx context.Context, scope Scope, in UpdateTaskTemplateInput) (TaskTemplate, error) {
	var out TaskTemplate
	now := s.now()
	err := s.Store.Update(ctx, instanceKey(scope, in.InstanceID), func(tx Tx) error {
		t, err := latestTemplate(tx, scope, in.InstanceID, in.ID)
		if err != nil {
			return err
		}
		renamed := in.Name != nil && *in.Name != t.Name
		in.Apply(&t)
		t.Version++
		t.LastModifiedTime = now
		if err := s.checkTemplate(tx, scope, &t, renamed); err != nil {
			return err
		}
		out = t
		if err := s.putTemplate(tx, scope, t); err != nil {
			return err
		}
		return s.keepVersions(tx, scope, t)
	})
	if err != nil {
		return TaskTemplate{}, nameClash(err, out.Name)
	}
	return out, nil
}

// latestTemplate reads the latest version of a template. A template exists only inside its instance
// (DeleteInstance cascades), so the instance is read only to explain a miss: one read fewer per update.
func latestTemplate(tx Tx, scope Scope, instance, raw string) (TaskTemplate, error) {
	inst, err := instanceID(scope, instance)
	if err == nil {
		if tid, ok := childID(scope, inst, KindTaskTemplate, raw); ok {
			t, err := tx.GetTaskTemplate(scope, inst, tid, 0)
			if CodeOf(err) != NotFound {
				return t, err
			}
		}
	}
	if _, err := requireInstance(tx, scope, instance); err != nil {
		return TaskTemplate{}, err
	}
	return TaskTemplate{}, notFound("Task template", raw)
}

// Apply replaces each member of t the input names.
func (in UpdateTaskTemplateInput) Apply(t *TaskTemplate) {
	set(&t.Name, in.Name)
	set(&t.Description, in.Description)
	set(&t.ContactFlowID, in.ContactFlowID)
	set(&t.SelfAssignFlowID, in.SelfAssignFlowID)
	set(&t.Constraints, in.Constraints)
	set(&t.Defaults, in.Defaults)
	set(&t.Fields, in.Fields)
	set(&t.Status, in.Status)
}

func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

// ListTaskTemplates returns one page of latest template versions and the token for the next, if any.
func (s *Service) ListTaskTemplates(ctx context.Context, scope Scope, instance string, f TemplateFilter, page Page) ([]TaskTemplate, string, error) {
	return listPage(ctx, s, page, 100, func(tx Tx) (string, func(Cursor, int) ([]TaskTemplate, error), error) {
		inst, err := requireInstance(tx, scope, instance)
		query := "ListTaskTemplates\x00" + inst + "\x00" + f.Name + "\x00" + string(f.Status)
		return query, func(after Cursor, limit int) ([]TaskTemplate, error) {
			return tx.ListTaskTemplates(scope, inst, f, after, limit)
		}, err
	}, func(t TaskTemplate) Cursor { return Cursor{CreatedTime: t.CreatedTime, ID: t.ID} })
}

// DeleteTaskTemplate removes the template, its snapshots and its tags; tasks started from it keep their copy.
func (s *Service) DeleteTaskTemplate(ctx context.Context, scope Scope, instance, id string) error {
	return s.Store.Update(ctx, instanceKey(scope, instance), func(tx Tx) error {
		inst, err := requireInstance(tx, scope, instance)
		if err != nil {
			return err
		}
		tid, err := templateID(scope, inst, id)
		if err != nil {
			return err
		}
		if err := tx.DeleteTaskTemplate(scope, inst, tid); err != nil {
			if CodeOf(err) == NotFound {
				return notFound("Task template", id)
			}
			return err
		}
		return nil
	})
}
