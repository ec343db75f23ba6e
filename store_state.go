package connectlocal

// StateTx is the part of Tx that reset and export need (issue 11): they walk the whole store rather than one
// resource, so they need every scope and every template version (contacts: RecordTx.ListContacts).
type StateTx interface {
	// Scopes returns every scope that holds an instance or an idempotency token, ordered by account, then region.
	Scopes() ([]Scope, error)
	// TaskTemplateVersions returns every stored version of the template, oldest first; NotFound when there is
	// no such template.
	TaskTemplateVersions(s Scope, instanceID, id string) ([]TaskTemplate, error)
	// DeleteScopeTokens removes the scope's idempotency tokens that belong to no instance (CreateInstance's and
	// DeleteInstance's; DeleteInstance removes the others) and returns how many it removed.
	DeleteScopeTokens(s Scope) (int, error)
}
