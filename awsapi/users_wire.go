package awsapi

import (
	"github.com/connectlocal/connectlocal"
)

// The users' and the user hierarchy's shapes, shared by their operations (issue 20).

type UserIdentityInfo struct {
	FirstName      *string `json:",omitempty"`
	LastName       *string `json:",omitempty"`
	Email          *string `json:",omitempty"`
	SecondaryEmail *string `json:",omitempty"`
	Mobile         *string `json:",omitempty"`
}

type UserIdentityInfoLite struct {
	FirstName *string `json:",omitempty"`
	LastName  *string `json:",omitempty"`
}

type UserPhoneConfig struct {
	PhoneType                 *string
	AutoAccept                *bool
	AfterContactWorkTimeLimit *int
	DeskPhoneNumber           *string `json:",omitempty"`
	PersistentConnection      *bool   `json:",omitempty"`
}

type AutoAcceptConfig struct {
	Channel                      string
	AutoAccept                   bool
	AgentFirstCallbackAutoAccept *bool `json:",omitempty"`
}

type AfterContactWorkConfig struct {
	AfterContactWorkTimeLimit *int `json:",omitempty"`
}

type AfterContactWorkConfigPerChannel struct {
	Channel                                  string
	AfterContactWorkConfig                   AfterContactWorkConfig
	AgentFirstCallbackAfterContactWorkConfig *AfterContactWorkConfig `json:",omitempty"`
}

type PhoneNumberConfig struct {
	Channel     string
	PhoneType   string
	PhoneNumber *string `json:",omitempty"`
}

type PersistentConnectionConfig struct {
	Channel              string
	PersistentConnection bool
}

type VoiceEnhancementConfig struct {
	Channel              string
	VoiceEnhancementMode string
}

type User struct {
	Id                 string
	Arn                string
	Username           string
	IdentityInfo       *UserIdentityInfo `json:",omitempty"`
	PhoneConfig        UserPhoneConfig
	DirectoryUserId    *string            `json:",omitempty"`
	SecurityProfileIds []string           `json:",omitempty"`
	RoutingProfileId   string             `json:",omitempty"`
	HierarchyGroupId   *string            `json:",omitempty"`
	Tags               map[string]string  `json:",omitempty"`
	AutoAcceptConfigs  []AutoAcceptConfig `json:",omitempty"`
	LastModifiedTime   *epochTime
	LastModifiedRegion string
}

type UserSummary struct {
	Id                 string
	Arn                string
	Username           string
	LastModifiedTime   *epochTime
	LastModifiedRegion string
}

type UserSearchSummary struct {
	Arn                string
	DirectoryUserId    *string `json:",omitempty"`
	HierarchyGroupId   *string `json:",omitempty"`
	Id                 string
	IdentityInfo       *UserIdentityInfoLite `json:",omitempty"`
	PhoneConfig        UserPhoneConfig
	RoutingProfileId   string            `json:",omitempty"`
	SecurityProfileIds []string          `json:",omitempty"`
	Tags               map[string]string `json:",omitempty"`
	Username           string
	AutoAcceptConfigs  []AutoAcceptConfig `json:",omitempty"`
}

func identityIn(w *UserIdentityInfo) *connectlocal.UserIdentity {
	if w == nil {
		return nil
	}
	return &connectlocal.UserIdentity{FirstName: val(w.FirstName), LastName: val(w.LastName), Email: val(w.Email),
		SecondaryEmail: val(w.SecondaryEmail), Mobile: val(w.Mobile)}
}

func phoneIn(w *UserPhoneConfig) *connectlocal.UserPhone {
	if w == nil {
		return nil
	}
	return &connectlocal.UserPhone{PhoneType: val(w.PhoneType), AutoAccept: w.AutoAccept, AfterContactWorkTimeLimit: w.AfterContactWorkTimeLimit,
		DeskPhoneNumber: val(w.DeskPhoneNumber), PersistentConnection: w.PersistentConnection}
}

// phoneOut always carries AutoAccept and AfterContactWorkTimeLimit: Terraform reads both into state.
func phoneOut(u connectlocal.User) UserPhoneConfig {
	t, acw, auto := u.PhoneType, u.AfterContactWorkTimeLimit, u.AutoAccept
	p := UserPhoneConfig{PhoneType: &t, AutoAccept: &auto, AfterContactWorkTimeLimit: &acw, DeskPhoneNumber: str(u.DeskPhoneNumber)}
	if u.PersistentConnection {
		p.PersistentConnection = &u.PersistentConnection
	}
	return p
}

func autoAcceptOut(u connectlocal.User) []AutoAcceptConfig {
	var out []AutoAcceptConfig
	for _, ch := range u.AutoAcceptChannels {
		out = append(out, AutoAcceptConfig{Channel: ch, AutoAccept: true})
	}
	return out
}

// userOut is the model's User. IdentityInfo is left out when it holds nothing: Terraform reads an empty
// object as an identity_info block the configuration does not have.
func userOut(scope connectlocal.Scope, r connectlocal.Record[connectlocal.User]) User {
	u := r.Value
	out := User{Id: r.ID, Arn: r.ARN(scope), Username: u.Username, PhoneConfig: phoneOut(u), DirectoryUserId: str(u.DirectoryUserID),
		SecurityProfileIds: u.SecurityProfileIDs, RoutingProfileId: u.RoutingProfileID, HierarchyGroupId: str(u.HierarchyGroupID),
		Tags: tagsOut(r.Tags), AutoAcceptConfigs: autoAcceptOut(u), LastModifiedTime: stamp(r.LastModifiedTime), LastModifiedRegion: scope.Region}
	id := UserIdentityInfo{FirstName: str(u.FirstName), LastName: str(u.LastName), Email: str(u.Email),
		SecondaryEmail: str(u.SecondaryEmail), Mobile: str(u.Mobile)}
	if id != (UserIdentityInfo{}) {
		out.IdentityInfo = &id
	}
	return out
}

type HierarchyGroupSummary struct {
	Id                 string
	Arn                string
	Name               string
	LastModifiedTime   *epochTime
	LastModifiedRegion string
}

type HierarchyPath struct {
	LevelOne   *HierarchyGroupSummary `json:",omitempty"`
	LevelTwo   *HierarchyGroupSummary `json:",omitempty"`
	LevelThree *HierarchyGroupSummary `json:",omitempty"`
	LevelFour  *HierarchyGroupSummary `json:",omitempty"`
	LevelFive  *HierarchyGroupSummary `json:",omitempty"`
}

type HierarchyGroup struct {
	Id                 string
	Arn                string
	Name               string
	LevelId            string
	HierarchyPath      HierarchyPath
	Tags               map[string]string `json:",omitempty"`
	LastModifiedTime   *epochTime
	LastModifiedRegion string
}

func groupSummary(scope connectlocal.Scope, r connectlocal.Record[connectlocal.HierarchyGroup]) HierarchyGroupSummary {
	return HierarchyGroupSummary{Id: r.ID, Arn: r.ARN(scope), Name: r.Value.Name, LastModifiedTime: stamp(r.LastModifiedTime),
		LastModifiedRegion: scope.Region}
}

type HierarchyLevel struct {
	Id                 string
	Arn                string
	Name               string
	LastModifiedTime   *epochTime
	LastModifiedRegion string
}

type HierarchyStructure struct {
	LevelOne   *HierarchyLevel `json:",omitempty"`
	LevelTwo   *HierarchyLevel `json:",omitempty"`
	LevelThree *HierarchyLevel `json:",omitempty"`
	LevelFour  *HierarchyLevel `json:",omitempty"`
	LevelFive  *HierarchyLevel `json:",omitempty"`
}

// levels points at a structure's five members in level order.
func (h *HierarchyStructure) levels() [5]**HierarchyLevel {
	return [5]**HierarchyLevel{&h.LevelOne, &h.LevelTwo, &h.LevelThree, &h.LevelFour, &h.LevelFive}
}

func (p *HierarchyPath) levels() [5]**HierarchyGroupSummary {
	return [5]**HierarchyGroupSummary{&p.LevelOne, &p.LevelTwo, &p.LevelThree, &p.LevelFour, &p.LevelFive}
}

type HierarchyLevelUpdate struct {
	Name string
}

type HierarchyStructureUpdate struct {
	LevelOne   *HierarchyLevelUpdate
	LevelTwo   *HierarchyLevelUpdate
	LevelThree *HierarchyLevelUpdate
	LevelFour  *HierarchyLevelUpdate
	LevelFive  *HierarchyLevelUpdate
}
