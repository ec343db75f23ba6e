package connectlocal

// RecordTx is the part of Tx that rewrites an instance's record and walks an instance's contacts (issue 12).
// Instance attributes and analytics data-set associations live in the instance's record, and a contact's
// tags in the contact's, so DeleteInstance's cascade removes them with no table of their own.
type RecordTx interface {
	// PutInstance replaces an existing instance's record; NotFound when there is none. Its ID, Alias and
	// CreatedTime must be those it was created with.
	PutInstance(s Scope, inst Instance) error
	// ListContacts returns at most limit contacts of the instance whose ID sorts strictly after afterID,
	// in ID order.
	ListContacts(s Scope, instanceID, afterID string, limit int) ([]Contact, error)
}
