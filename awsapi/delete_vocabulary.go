package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DeleteVocabularyRequest struct {
	InstanceId   string
	VocabularyId string
}

type DeleteVocabularyResponse struct {
	VocabularyArn string
	VocabularyId  string
	State         string
}

func deleteVocabulary(ctx context.Context, a *API, scope connectlocal.Scope, in *DeleteVocabularyRequest) (*DeleteVocabularyResponse, error) {
	r, err := a.svc.DeleteVocabulary(ctx, scope, in.InstanceId, in.VocabularyId)
	if err != nil {
		return nil, err
	}
	// Connect answers DELETE_IN_PROGRESS; the vocabulary is already gone here (service_vocabularies.go).
	return &DeleteVocabularyResponse{VocabularyArn: r.ARN(scope), VocabularyId: r.ID, State: "DELETE_IN_PROGRESS"}, nil
}
