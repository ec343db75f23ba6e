package connectlocal

import "time"

// Instance is an Amazon Connect instance: the container every other resource lives in.
type Instance struct {
	ID                     string
	IdentityManagementType string // SAML | CONNECT_MANAGED | EXISTING_DIRECTORY
	Alias                  string
	DirectoryID            string
	InboundCallsEnabled    bool
	OutboundCallsEnabled   bool
	Status                 string // always ACTIVE here (spec-facts §9)
	ServiceRole            string
	CreatedTime            time.Time
	// Attributes holds the instance attributes UpdateInstanceAttribute set, except INBOUND_CALLS and
	// OUTBOUND_CALLS, which are the two flags above (service_attributes.go).
	Attributes map[string]string `json:",omitempty"`
	// AnalyticsDataSets are the associations AssociateAnalyticsDataSet made, oldest first.
	AnalyticsDataSets []AnalyticsDataAssociation `json:",omitempty"`
}

// AccessURL is the console address real instances show (spec-facts §9).
func (i Instance) AccessURL() string {
	if i.Alias == "" {
		return ""
	}
	return "https://" + i.Alias + ".my.connect.aws/"
}
