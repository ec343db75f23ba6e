package connectlocal

import "time"

// ContactFlow is a flow: what a task or call runs. Its content is kept, checked as JSON, and not executed.
type ContactFlow struct {
	InstanceID       string
	ID               string
	Name             string
	Type             string // the model's ContactFlowType
	Description      string
	Content          string // the published (or, for a never-published flow, the saved) content
	Status           string // PUBLISHED | SAVED
	State            string // ACTIVE | ARCHIVED (UpdateContactFlowMetadata); "" in flows stored before it: ACTIVE
	Published        bool   // a published version exists (spec-facts §11, ContactFlowNotPublishedException)
	CreatedTime      time.Time
	LastModifiedTime time.Time
}

// FlowState is the flow's state, ACTIVE unless archived.
func (f ContactFlow) FlowState() string {
	if f.State == "" {
		return "ACTIVE"
	}
	return f.State
}
