package cloudcontrol_test

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
)

func staticCreds(account string) aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(account, "secret", "")
}
