package connectlocal

// FieldReferenceType is the reference type StartTaskContact carries a custom field's value in (spec-facts
// §7.3), "" for fields carried elsewhere (NAME, DESCRIPTION, SCHEDULED_TIME, ...). The console's task preview
// builds its request with it.
func FieldReferenceType(t FieldType) string { return fieldReferenceType[t] }
