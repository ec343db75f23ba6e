package connectlocal

import "time"

// TemplateStatus is ACTIVE or INACTIVE; an INACTIVE template starts no tasks.
type TemplateStatus string

const (
	StatusActive   TemplateStatus = "ACTIVE"
	StatusInactive TemplateStatus = "INACTIVE"
)

// FieldType is the model's TaskTemplateFieldType.
type FieldType string

const (
	FieldName           FieldType = "NAME"
	FieldDescription    FieldType = "DESCRIPTION"
	FieldScheduledTime  FieldType = "SCHEDULED_TIME"
	FieldQuickConnect   FieldType = "QUICK_CONNECT"
	FieldURL            FieldType = "URL"
	FieldNumber         FieldType = "NUMBER"
	FieldText           FieldType = "TEXT"
	FieldTextArea       FieldType = "TEXT_AREA"
	FieldDateTime       FieldType = "DATE_TIME"
	FieldBoolean        FieldType = "BOOLEAN"
	FieldSingleSelect   FieldType = "SINGLE_SELECT"
	FieldEmail          FieldType = "EMAIL"
	FieldSelfAssign     FieldType = "SELF_ASSIGN"
	FieldExpiryDuration FieldType = "EXPIRY_DURATION"
)

// Field is one field of a template. Name is its identity (the model's Id.Name).
type Field struct {
	Name                string
	Description         string
	Type                FieldType // empty when the request left it out (rule 5 rejects that)
	SingleSelectOptions []string
}

// Constraints name fields that are required, read-only or invisible in the agent's task form.
type Constraints struct {
	RequiredFields  []string
	ReadOnlyFields  []string
	InvisibleFields []string
}

// DefaultFieldValue is the value a field takes when a task leaves it out.
type DefaultFieldValue struct {
	Name  string
	Value string
}

// TaskTemplate is one version (snapshot) of a task template. Version 1 is the create; every update adds one.
type TaskTemplate struct {
	InstanceID       string
	ID               string
	Name             string
	Description      string
	ContactFlowID    string
	SelfAssignFlowID string
	Constraints      Constraints
	Defaults         []DefaultFieldValue
	Fields           []Field
	Status           TemplateStatus
	CreatedTime      time.Time
	LastModifiedTime time.Time
	Version          int64
}

// Field returns the field with the given name.
func (t *TaskTemplate) Field(name string) (Field, bool) {
	for _, f := range t.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// Default returns the default value for the named field.
func (t *TaskTemplate) Default(name string) (string, bool) {
	for _, d := range t.Defaults {
		if d.Name == name {
			return d.Value, true
		}
	}
	return "", false
}
