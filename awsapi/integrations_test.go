package awsapi_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

// Storage configs: one per resource type, the block of its storage type, describe/list/update/disassociate.
func TestInstanceStorageConfigs(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		stream := "arn:aws:kinesis:us-east-1:123456789012:stream/ctr"
		out, err := c.AssociateInstanceStorageConfig(ctx, &connect.AssociateInstanceStorageConfigInput{InstanceId: &inst,
			ResourceType: types.InstanceStorageResourceTypeContactTraceRecords,
			StorageConfig: &types.InstanceStorageConfig{StorageType: types.StorageTypeKinesisStream,
				KinesisStreamConfig: &types.KinesisStreamConfig{StreamArn: &stream}}})
		if err != nil {
			t.Fatal(err)
		}
		got, err := c.DescribeInstanceStorageConfig(ctx, &connect.DescribeInstanceStorageConfigInput{InstanceId: &inst,
			AssociationId: out.AssociationId, ResourceType: types.InstanceStorageResourceTypeContactTraceRecords})
		if err != nil {
			t.Fatal(err)
		}
		if sc := got.StorageConfig; *sc.AssociationId != *out.AssociationId || sc.StorageType != types.StorageTypeKinesisStream ||
			*sc.KinesisStreamConfig.StreamArn != stream || sc.S3Config != nil {
			t.Errorf("describe: %+v", sc)
		}
		// The id under another resource type names nothing.
		_, err = c.DescribeInstanceStorageConfig(ctx, &connect.DescribeInstanceStorageConfigInput{InstanceId: &inst,
			AssociationId: out.AssociationId, ResourceType: types.InstanceStorageResourceTypeAgentEvents})
		wantAPIError(t, err, "ResourceNotFoundException")
		// A second one for the same type conflicts; S3 for a stream's records is refused.
		_, err = c.AssociateInstanceStorageConfig(ctx, &connect.AssociateInstanceStorageConfigInput{InstanceId: &inst,
			ResourceType:  types.InstanceStorageResourceTypeContactTraceRecords,
			StorageConfig: &types.InstanceStorageConfig{StorageType: types.StorageTypeKinesisStream, KinesisStreamConfig: &types.KinesisStreamConfig{StreamArn: &stream}}})
		wantAPIError(t, err, "ResourceConflictException")
		_, err = c.AssociateInstanceStorageConfig(ctx, &connect.AssociateInstanceStorageConfigInput{InstanceId: &inst,
			ResourceType:  types.InstanceStorageResourceTypeAgentEvents,
			StorageConfig: &types.InstanceStorageConfig{StorageType: types.StorageTypeS3, S3Config: &types.S3Config{BucketName: aws.String("b"), BucketPrefix: aws.String("p")}}})
		wantAPIError(t, err, "InvalidParameterException")
		_, err = c.AssociateInstanceStorageConfig(ctx, &connect.AssociateInstanceStorageConfigInput{InstanceId: &inst,
			ResourceType: types.InstanceStorageResourceTypeCallRecordings, StorageConfig: &types.InstanceStorageConfig{StorageType: types.StorageTypeS3}})
		wantAPIError(t, err, "InvalidParameterException")

		s3, err := c.AssociateInstanceStorageConfig(ctx, &connect.AssociateInstanceStorageConfigInput{InstanceId: &inst,
			ResourceType: types.InstanceStorageResourceTypeCallRecordings,
			StorageConfig: &types.InstanceStorageConfig{StorageType: types.StorageTypeS3, S3Config: &types.S3Config{BucketName: aws.String("calls"),
				BucketPrefix: aws.String("rec"), EncryptionConfig: &types.EncryptionConfig{EncryptionType: types.EncryptionTypeKms, KeyId: aws.String("k1")}}}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.UpdateInstanceStorageConfig(ctx, &connect.UpdateInstanceStorageConfigInput{InstanceId: &inst, AssociationId: s3.AssociationId,
			ResourceType:  types.InstanceStorageResourceTypeCallRecordings,
			StorageConfig: &types.InstanceStorageConfig{StorageType: types.StorageTypeS3, S3Config: &types.S3Config{BucketName: aws.String("calls2"), BucketPrefix: aws.String("rec")}}}); err != nil {
			t.Fatal(err)
		}
		list, err := c.ListInstanceStorageConfigs(ctx, &connect.ListInstanceStorageConfigsInput{InstanceId: &inst, ResourceType: types.InstanceStorageResourceTypeCallRecordings})
		if err != nil || len(list.StorageConfigs) != 1 || *list.StorageConfigs[0].S3Config.BucketName != "calls2" || list.StorageConfigs[0].S3Config.EncryptionConfig != nil {
			t.Fatalf("list: %+v %v", list, err)
		}
		if _, err := c.DisassociateInstanceStorageConfig(ctx, &connect.DisassociateInstanceStorageConfigInput{InstanceId: &inst,
			AssociationId: s3.AssociationId, ResourceType: types.InstanceStorageResourceTypeCallRecordings}); err != nil {
			t.Fatal(err)
		}
		_, err = c.DisassociateInstanceStorageConfig(ctx, &connect.DisassociateInstanceStorageConfigInput{InstanceId: &inst,
			AssociationId: s3.AssociationId, ResourceType: types.InstanceStorageResourceTypeCallRecordings})
		wantAPIError(t, err, "ResourceNotFoundException")
	})
}

// Lambda functions and bots: associate, list, conflicts, disassociate.
func TestLambdaFunctionsAndBots(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		fn := "arn:aws:lambda:us-east-1:123456789012:function:route-task"
		if _, err := c.AssociateLambdaFunction(ctx, &connect.AssociateLambdaFunctionInput{InstanceId: &inst, FunctionArn: &fn}); err != nil {
			t.Fatal(err)
		}
		_, err := c.AssociateLambdaFunction(ctx, &connect.AssociateLambdaFunctionInput{InstanceId: &inst, FunctionArn: &fn})
		wantAPIError(t, err, "ResourceConflictException")
		_, err = c.AssociateLambdaFunction(ctx, &connect.AssociateLambdaFunctionInput{InstanceId: &inst, FunctionArn: aws.String("not-an-arn")})
		wantAPIError(t, err, "InvalidParameterException")
		list, err := c.ListLambdaFunctions(ctx, &connect.ListLambdaFunctionsInput{InstanceId: &inst})
		if err != nil || len(list.LambdaFunctions) != 1 || list.LambdaFunctions[0] != fn {
			t.Fatalf("list: %+v %v", list, err)
		}
		if _, err := c.DisassociateLambdaFunction(ctx, &connect.DisassociateLambdaFunctionInput{InstanceId: &inst, FunctionArn: &fn}); err != nil {
			t.Fatal(err)
		}
		_, err = c.DisassociateLambdaFunction(ctx, &connect.DisassociateLambdaFunctionInput{InstanceId: &inst, FunctionArn: &fn})
		wantAPIError(t, err, "ResourceNotFoundException")

		v1 := &types.LexBot{Name: aws.String("Orders"), LexRegion: aws.String("us-east-1")}
		alias := "arn:aws:lex:us-east-1:123456789012:bot-alias/ABCDEFGHIJ/TSTALIASID"
		if _, err := c.AssociateBot(ctx, &connect.AssociateBotInput{InstanceId: &inst, LexBot: v1}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.AssociateBot(ctx, &connect.AssociateBotInput{InstanceId: &inst, LexV2Bot: &types.LexV2Bot{AliasArn: &alias}}); err != nil {
			t.Fatal(err)
		}
		_, err = c.AssociateBot(ctx, &connect.AssociateBotInput{InstanceId: &inst, LexBot: v1})
		wantAPIError(t, err, "ResourceConflictException")
		_, err = c.AssociateBot(ctx, &connect.AssociateBotInput{InstanceId: &inst})
		wantAPIError(t, err, "InvalidRequestException")
		bots, err := c.ListBots(ctx, &connect.ListBotsInput{InstanceId: &inst, LexVersion: types.LexVersionV1})
		if err != nil || len(bots.LexBots) != 1 || *bots.LexBots[0].LexBot.Name != "Orders" || bots.LexBots[0].LexV2Bot != nil {
			t.Fatalf("V1 bots: %+v %v", bots, err)
		}
		bots, err = c.ListBots(ctx, &connect.ListBotsInput{InstanceId: &inst, LexVersion: types.LexVersionV2})
		if err != nil || len(bots.LexBots) != 1 || *bots.LexBots[0].LexV2Bot.AliasArn != alias {
			t.Fatalf("V2 bots: %+v %v", bots, err)
		}
		if _, err := c.DisassociateBot(ctx, &connect.DisassociateBotInput{InstanceId: &inst, LexBot: v1}); err != nil {
			t.Fatal(err)
		}
		_, err = c.DisassociateBot(ctx, &connect.DisassociateBotInput{InstanceId: &inst, LexBot: v1})
		wantAPIError(t, err, "ResourceNotFoundException")
	})
}

// Vocabularies are ACTIVE at once, unique per name and language, searchable, and gone after delete.
func TestVocabularies(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		out, err := c.CreateVocabulary(ctx, &connect.CreateVocabularyInput{InstanceId: &inst, VocabularyName: aws.String("products"),
			LanguageCode: types.VocabularyLanguageCodeEnUs, Content: aws.String("Phrase\tIPA\tSoundsLike\tDisplayAs\nConnect\t\t\t\n"),
			Tags: map[string]string{"a": "b"}})
		if err != nil {
			t.Fatal(err)
		}
		if out.State != types.VocabularyStateActive {
			t.Errorf("state %s", out.State)
		}
		got, err := c.DescribeVocabulary(ctx, &connect.DescribeVocabularyInput{InstanceId: &inst, VocabularyId: out.VocabularyId})
		if err != nil {
			t.Fatal(err)
		}
		if v := got.Vocabulary; *v.Name != "products" || v.LastModifiedTime == nil || v.Tags["a"] != "b" || *v.Arn != *out.VocabularyArn {
			t.Errorf("describe: %+v", v)
		}
		_, err = c.CreateVocabulary(ctx, &connect.CreateVocabularyInput{InstanceId: &inst, VocabularyName: aws.String("products"),
			LanguageCode: types.VocabularyLanguageCodeEnUs, Content: aws.String("x")})
		wantAPIError(t, err, "ResourceConflictException")
		if _, err := c.CreateVocabulary(ctx, &connect.CreateVocabularyInput{InstanceId: &inst, VocabularyName: aws.String("products"),
			LanguageCode: types.VocabularyLanguageCodeFrFr, Content: aws.String("x")}); err != nil {
			t.Fatal(err)
		}
		found, err := c.SearchVocabularies(ctx, &connect.SearchVocabulariesInput{InstanceId: &inst, NameStartsWith: aws.String("PROD"),
			LanguageCode: types.VocabularyLanguageCodeEnUs})
		if err != nil || len(found.VocabularySummaryList) != 1 || *found.VocabularySummaryList[0].Id != *out.VocabularyId {
			t.Fatalf("search: %+v %v", found, err)
		}
		del, err := c.DeleteVocabulary(ctx, &connect.DeleteVocabularyInput{InstanceId: &inst, VocabularyId: out.VocabularyId})
		if err != nil || del.State != types.VocabularyStateDeleteInProgress {
			t.Fatalf("delete: %+v %v", del, err)
		}
		_, err = c.DescribeVocabulary(ctx, &connect.DescribeVocabularyInput{InstanceId: &inst, VocabularyId: out.VocabularyId})
		wantAPIError(t, err, "ResourceNotFoundException")
	})
}
