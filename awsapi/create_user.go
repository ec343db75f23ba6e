package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type CreateUserRequest struct {
	InstanceId                  string
	Username                    string
	Password                    *string
	IdentityInfo                *UserIdentityInfo
	PhoneConfig                 *UserPhoneConfig
	DirectoryUserId             *string
	SecurityProfileIds          []string
	RoutingProfileId            string
	HierarchyGroupId            *string
	AutoAcceptConfigs           []AutoAcceptConfig
	AfterContactWorkConfigs     []AfterContactWorkConfigPerChannel
	PhoneNumberConfigs          []PhoneNumberConfig
	PersistentConnectionConfigs []PersistentConnectionConfig
	// VoiceEnhancementConfigs are accepted and not kept: connectlocal carries no audio.
	VoiceEnhancementConfigs []VoiceEnhancementConfig
	Tags                    map[string]string
}

type CreateUserResponse struct {
	UserId  string
	UserArn string
}

// channelsIn reads the per-channel lists; a list the request leaves out stays nil (no conflict with PhoneConfig).
func (in *CreateUserRequest) channelsIn() connectlocal.UserChannels {
	var c connectlocal.UserChannels
	if in.AutoAcceptConfigs != nil {
		c.AutoAccept = map[string]bool{}
		for _, a := range in.AutoAcceptConfigs {
			c.AutoAccept[a.Channel] = a.AutoAccept
		}
	}
	if in.AfterContactWorkConfigs != nil {
		c.AfterContactWork = map[string]int{}
		for _, a := range in.AfterContactWorkConfigs {
			if a.AfterContactWorkConfig.AfterContactWorkTimeLimit != nil {
				c.AfterContactWork[a.Channel] = *a.AfterContactWorkConfig.AfterContactWorkTimeLimit
			}
		}
	}
	if in.PhoneNumberConfigs != nil {
		c.PhoneType, c.PhoneNumber = map[string]string{}, map[string]string{}
		for _, p := range in.PhoneNumberConfigs {
			c.PhoneType[p.Channel], c.PhoneNumber[p.Channel] = p.PhoneType, val(p.PhoneNumber)
		}
	}
	if in.PersistentConnectionConfigs != nil {
		c.Persistent = map[string]bool{}
		for _, p := range in.PersistentConnectionConfigs {
			c.Persistent[p.Channel] = p.PersistentConnection
		}
	}
	return c
}

func createUser(ctx context.Context, a *API, scope connectlocal.Scope, in *CreateUserRequest) (*CreateUserResponse, error) {
	r, err := a.svc.CreateUser(ctx, scope, connectlocal.UserInput{Instance: in.InstanceId, Username: in.Username, Password: in.Password,
		Identity: identityIn(in.IdentityInfo), Phone: phoneIn(in.PhoneConfig), DirectoryUserID: val(in.DirectoryUserId),
		SecurityProfileIDs: in.SecurityProfileIds, RoutingProfileID: in.RoutingProfileId, HierarchyGroupID: val(in.HierarchyGroupId),
		Channels: in.channelsIn(), Tags: in.Tags})
	if err != nil {
		return nil, err
	}
	return &CreateUserResponse{UserId: r.ID, UserArn: r.ARN(scope)}, nil
}
