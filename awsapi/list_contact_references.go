package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type ListContactReferencesRequest struct {
	InstanceId     string
	ContactId      string
	ReferenceTypes []string
	NextToken      *string
}

// ReferenceSummary is a union: exactly one member is set, the one for the reference's type.
type ReferenceSummary struct {
	Url    *UrlReference    `json:",omitempty"`
	String *StringReference `json:",omitempty"`
	Number *NumberReference `json:",omitempty"`
	Date   *DateReference   `json:",omitempty"`
	Email  *EmailReference  `json:",omitempty"`
}

type UrlReference struct{ Name, Value string }
type StringReference struct{ Name, Value string }
type NumberReference struct{ Name, Value string }
type DateReference struct{ Name, Value string }
type EmailReference struct{ Name, Value string }

type ListContactReferencesResponse struct {
	ReferenceSummaryList []ReferenceSummary
	NextToken            *string `json:",omitempty"`
}

// referenceSummary puts a reference in its type's member of the union. A task carries only the five types
// below (spec-facts §7.4), so ATTACHMENT and the EMAIL_MESSAGE types are never listed.
func referenceSummary(r connectlocal.NamedReference) ReferenceSummary {
	switch r.Type {
	case "URL":
		return ReferenceSummary{Url: &UrlReference{r.Name, r.Value}}
	case "NUMBER":
		return ReferenceSummary{Number: &NumberReference{r.Name, r.Value}}
	case "DATE":
		return ReferenceSummary{Date: &DateReference{r.Name, r.Value}}
	case "EMAIL":
		return ReferenceSummary{Email: &EmailReference{r.Name, r.Value}}
	}
	return ReferenceSummary{String: &StringReference{r.Name, r.Value}}
}

func listContactReferences(ctx context.Context, a *API, scope connectlocal.Scope, in *ListContactReferencesRequest) (*ListContactReferencesResponse, error) {
	list, next, err := a.svc.ListContactReferences(ctx, scope, in.InstanceId, in.ContactId, in.ReferenceTypes, val(in.NextToken))
	if err != nil {
		return nil, err
	}
	out := &ListContactReferencesResponse{ReferenceSummaryList: make([]ReferenceSummary, len(list)), NextToken: str(next)}
	for i, r := range list {
		out.ReferenceSummaryList[i] = referenceSummary(r)
	}
	return out, nil
}
