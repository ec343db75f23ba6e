package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DescribeVocabularyRequest struct {
	InstanceId   string
	VocabularyId string
}

type Vocabulary struct {
	Name             string
	Id               string
	Arn              string
	LanguageCode     string
	State            string
	LastModifiedTime *epochTime // required: Terraform's provider formats it unconditionally (research §2)
	FailureReason    *string    `json:",omitempty"`
	Content          string
	Tags             map[string]string `json:",omitempty"`
}

type DescribeVocabularyResponse struct {
	Vocabulary Vocabulary
}

func describeVocabulary(ctx context.Context, a *API, scope connectlocal.Scope, in *DescribeVocabularyRequest) (*DescribeVocabularyResponse, error) {
	r, err := a.svc.DescribeVocabulary(ctx, scope, in.InstanceId, in.VocabularyId)
	if err != nil {
		return nil, err
	}
	v := r.Value
	return &DescribeVocabularyResponse{Vocabulary: Vocabulary{Name: v.Name, Id: r.ID, Arn: r.ARN(scope), LanguageCode: v.LanguageCode,
		State: v.State, LastModifiedTime: stamp(r.LastModifiedTime), FailureReason: str(v.FailureReason), Content: v.Content,
		Tags: tagsOut(r.Tags)}}, nil
}
