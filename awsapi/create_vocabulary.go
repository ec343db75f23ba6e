package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type CreateVocabularyRequest struct {
	ClientToken    *string
	InstanceId     string
	VocabularyName string
	LanguageCode   string
	Content        string
	Tags           map[string]string
}

type CreateVocabularyResponse struct {
	VocabularyArn string
	VocabularyId  string
	State         string
}

func createVocabulary(ctx context.Context, a *API, scope connectlocal.Scope, in *CreateVocabularyRequest) (*CreateVocabularyResponse, error) {
	r, err := a.svc.CreateVocabulary(ctx, scope, connectlocal.CreateVocabularyInput{Instance: in.InstanceId, Name: in.VocabularyName,
		LanguageCode: in.LanguageCode, Content: in.Content, ClientToken: val(in.ClientToken), Tags: in.Tags})
	if err != nil {
		return nil, err
	}
	return &CreateVocabularyResponse{VocabularyArn: r.ARN(scope), VocabularyId: r.ID, State: r.Value.State}, nil
}
