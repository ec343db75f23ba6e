package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type SearchVocabulariesRequest struct {
	InstanceId     string
	MaxResults     *int
	NextToken      *string
	State          *string
	NameStartsWith *string
	LanguageCode   *string
}

type VocabularySummary struct {
	Name             string
	Id               string
	Arn              string
	LanguageCode     string
	State            string
	LastModifiedTime *epochTime
	FailureReason    *string `json:",omitempty"`
}

type SearchVocabulariesResponse struct {
	VocabularySummaryList []VocabularySummary
	NextToken             *string `json:",omitempty"`
}

func searchVocabularies(ctx context.Context, a *API, scope connectlocal.Scope, in *SearchVocabulariesRequest) (*SearchVocabulariesResponse, error) {
	rs, next, err := a.svc.SearchVocabularies(ctx, scope, in.InstanceId, connectlocal.VocabularyFilter{State: val(in.State),
		NameStartsWith: val(in.NameStartsWith), LanguageCode: val(in.LanguageCode)}, pageOf(in.NextToken, in.MaxResults))
	if err != nil {
		return nil, err
	}
	out := &SearchVocabulariesResponse{VocabularySummaryList: make([]VocabularySummary, len(rs)), NextToken: str(next)}
	for i, r := range rs {
		v := r.Value
		out.VocabularySummaryList[i] = VocabularySummary{Name: v.Name, Id: r.ID, Arn: r.ARN(scope), LanguageCode: v.LanguageCode,
			State: v.State, LastModifiedTime: stamp(r.LastModifiedTime), FailureReason: str(v.FailureReason)}
	}
	return out, nil
}
