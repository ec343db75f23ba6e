package connectlocal

import (
	"context"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"regexp"
	"slices"
	"strings"
)

// UserKind describes users to the shared object helpers (service_objects.go). The name the store keeps unique
// is the Username, exactly as given (CreateUser answers DuplicateResourceException for a taken one).
var UserKind = ObjectKindInfo{Kind: KindUser, Noun: "User", Quota: MaxUsersPerInstance, QuotaName: "users-per-instance"}

// The kinds a user names, as the shared helpers know them. The profiles' own files may define richer
// descriptions; these only serve the existence checks here.
var (
	userRoutingProfileKind  = ObjectKindInfo{Kind: KindRoutingProfile, Noun: "Routing profile"}
	userSecurityProfileKind = ObjectKindInfo{Kind: KindSecurityProfile, Noun: "Security profile"}
)

// UserInput is CreateUser's request, already checked against the model.
type UserInput struct {
	Instance           string
	Username           string
	Password           *string
	Identity           *UserIdentity
	Phone              *UserPhone
	DirectoryUserID    string
	SecurityProfileIDs []string
	RoutingProfileID   string
	HierarchyGroupID   string
	Channels           UserChannels
	Tags               map[string]string
}

// UserIdentity is the model's UserIdentityInfo.
type UserIdentity struct {
	FirstName, LastName, Email, SecondaryEmail, Mobile string
}

// UserPhone is the model's UserPhoneConfig; a nil pointer is a member the request left out.
type UserPhone struct {
	PhoneType                 string
	AutoAccept                *bool
	AfterContactWorkTimeLimit *int
	DeskPhoneNumber           string
	PersistentConnection      *bool
}

// UserChannels are CreateUser's per-channel configs (AutoAcceptConfigs, AfterContactWorkConfigs,
// PhoneNumberConfigs): channel → setting, only the channels the request names.
type UserChannels struct {
	AutoAccept       map[string]bool
	AfterContactWork map[string]int
	PhoneType        map[string]string
	PhoneNumber      map[string]string
	// Persistent is PersistentConnectionConfigs: named so the PhoneConfig conflict can be checked.
	Persistent map[string]bool
}

// usernameChars are the characters the model's Username documentation allows: [a-zA-Z0-9_-.\@]. "@" only
// in an email form (testuser@example.com, not testuser@example).
var (
	usernameChars = regexp.MustCompile(`^[a-zA-Z0-9_\-.@]+$`)
	usernameEmail = regexp.MustCompile(`^[^@]+@[^@]+\.[^@]+$`)
)

// checkUsername applies the documented character rule. The documented 20-character limit for instances not
// on SAML is not enforced: Terraform's own acceptance tests create CONNECT_MANAGED users of ~43 characters
// (research-routing §2, [TFT] user_test.go), so real Connect evidently takes them. The model caps at 100.
func checkUsername(name string) error {
	if !usernameChars.MatchString(name) || (strings.Contains(name, "@") && !usernameEmail.MatchString(name)) {
		return Errorf(InvalidArgument, "Invalid Username '%s': use letters, digits, _ - . and @ only in an email address", name)
	}
	return nil
}

// hashPassword keeps a salted PBKDF2 digest: the store never holds a password in plain text, and no answer
// returns it (DescribeUser has no Password member).
func hashPassword(pw string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", Errorf(Internal, "cannot salt a password: %v", err)
	}
	key, err := pbkdf2.Key(sha256.New, pw, salt, 4096, 32)
	if err != nil {
		return "", Errorf(Internal, "cannot hash a password: %v", err)
	}
	return "pbkdf2-sha256$4096$" + base64.RawStdEncoding.EncodeToString(salt) + "$" + base64.RawStdEncoding.EncodeToString(key), nil
}

// applyPhone sets u's phone settings from a UserPhoneConfig, which replaces them all: a member left out is
// false or 0, as the AWS SDKs leave out AutoAccept false and AfterContactWorkTimeLimit 0 (aws-sdk-go-v2's
// serializer writes them only when set), so Terraform turning auto_accept off sends no AutoAccept at all. A
// left-out PhoneType keeps the current one (SOFT_PHONE for a new user). PhoneConfig.AutoAccept is the VOICE
// channel's auto-accept (AutoAcceptChannels keeps every channel's, for the task lifecycle).
func applyPhone(u *User, p *UserPhone) error {
	phoneType := p.PhoneType
	if phoneType == "" {
		phoneType = u.PhoneType
	}
	if phoneType == "DESK_PHONE" && p.DeskPhoneNumber == "" {
		return Errorf(InvalidArgument, "DeskPhoneNumber is required when PhoneType is DESK_PHONE")
	}
	acw := deref(p.AfterContactWorkTimeLimit)
	if acw > maxAfterContactWork {
		return Errorf(InvalidArgument, "AfterContactWorkTimeLimit must be at most %d seconds", maxAfterContactWork)
	}
	u.PhoneType, u.DeskPhoneNumber, u.AfterContactWorkTimeLimit = phoneType, p.DeskPhoneNumber, acw
	u.PersistentConnection = deref(p.PersistentConnection)
	setAutoAccept(u, "VOICE", deref(p.AutoAccept))
	if u.PhoneType == "" {
		u.PhoneType = "SOFT_PHONE"
	}
	return nil
}

// maxAfterContactWork is UserPhoneConfig.AfterContactWorkTimeLimit's documented maximum (2,000,000 s).
const maxAfterContactWork = 2000000

func setAutoAccept(u *User, channel string, on bool) {
	u.AutoAcceptChannels = slices.DeleteFunc(u.AutoAcceptChannels, func(c string) bool { return c == channel })
	if on {
		u.AutoAcceptChannels = append(u.AutoAcceptChannels, channel)
		slices.Sort(u.AutoAcceptChannels)
	}
	if channel == "VOICE" {
		u.AutoAccept = on
	}
}

// applyChannels sets the per-channel configs. CreateUser's documentation: each PhoneConfig member conflicts
// with its channel-specific list, so naming both is refused.
func applyChannels(u *User, p *UserPhone, c UserChannels) error {
	if p != nil {
		switch {
		case p.AutoAccept != nil && c.AutoAccept != nil:
			return Errorf(InvalidArgument, "PhoneConfig.AutoAccept conflicts with AutoAcceptConfigs")
		case p.AfterContactWorkTimeLimit != nil && c.AfterContactWork != nil:
			return Errorf(InvalidArgument, "PhoneConfig.AfterContactWorkTimeLimit conflicts with AfterContactWorkConfigs")
		case (p.PhoneType != "" || p.DeskPhoneNumber != "") && (c.PhoneType != nil || c.PhoneNumber != nil):
			return Errorf(InvalidArgument, "PhoneConfig.PhoneType and PhoneConfig.PhoneNumber conflict with PhoneNumberConfigs")
		case p.PersistentConnection != nil && c.Persistent != nil:
			return Errorf(InvalidArgument, "PhoneConfig.PersistentConnection conflicts with PersistentConnectionConfigs")
		}
	}
	for ch, on := range c.AutoAccept {
		setAutoAccept(u, ch, on)
	}
	// connectlocal keeps one phone, one ACW limit and one persistent-connection flag: the VOICE channel's
	// (what the PhoneConfig shows); other channels' values are accepted and not kept.
	if v, ok := c.AfterContactWork["VOICE"]; ok {
		u.AfterContactWorkTimeLimit = v
	}
	if t, ok := c.PhoneType["VOICE"]; ok {
		if t == "DESK_PHONE" && c.PhoneNumber["VOICE"] == "" {
			return Errorf(InvalidArgument, "PhoneNumber is required when PhoneType is DESK_PHONE")
		}
		u.PhoneType, u.DeskPhoneNumber = t, c.PhoneNumber["VOICE"]
	}
	if v, ok := c.Persistent["VOICE"]; ok {
		u.PersistentConnection = v
	}
	return nil
}

// checkUserRefs resolves and checks the objects a user names: each must exist in the instance, else
// ResourceNotFoundException (decided, research-routing §3). Ids are stored bare.
func checkUserRefs(tx Tx, scope Scope, inst string, u *User, routing *string, security []string, group *string) error {
	if routing != nil {
		id, err := requireObject(tx, scope, inst, userRoutingProfileKind, *routing)
		if err != nil {
			return err
		}
		u.RoutingProfileID = id
	}
	if security != nil {
		ids := make([]string, 0, len(security))
		for _, raw := range security {
			id, err := requireObject(tx, scope, inst, userSecurityProfileKind, raw)
			if err != nil {
				return err
			}
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
		u.SecurityProfileIDs = ids
	}
	if group != nil {
		if *group == "" {
			u.HierarchyGroupID = ""
		} else {
			id, err := requireObject(tx, scope, inst, HierarchyGroupKind, *group)
			if err != nil {
				return err
			}
			u.HierarchyGroupID = id
		}
	}
	return nil
}

// CreateUser stores a new user and, in the same transaction, the user's AGENT queue: id = the user's id, no
// name, ENABLED (aws-cli examples/connect/list-queues.rst; research-routing §1.2).
func (s *Service) CreateUser(ctx context.Context, scope Scope, in UserInput) (Record[User], error) {
	if err := checkUsername(in.Username); err != nil {
		return Record[User]{}, err
	}
	u := User{Username: in.Username, DirectoryUserID: in.DirectoryUserID}
	if in.Identity != nil {
		u.FirstName, u.LastName, u.Email, u.SecondaryEmail, u.Mobile = in.Identity.FirstName, in.Identity.LastName,
			in.Identity.Email, in.Identity.SecondaryEmail, in.Identity.Mobile
	}
	if in.Phone != nil {
		if err := applyPhone(&u, in.Phone); err != nil {
			return Record[User]{}, err
		}
	}
	if err := applyChannels(&u, in.Phone, in.Channels); err != nil {
		return Record[User]{}, err
	}
	if u.PhoneType == "" {
		u.PhoneType = "SOFT_PHONE"
	}
	// The id is chosen here so that the check below can store the AGENT queue under it before the user.
	id := s.newID(ctx)
	ctx = WithPresetID(ctx, id)
	return createRecord(ctx, s, scope, UserKind, NewObject[User]{Instance: in.Instance, Name: in.Username, Value: u, Tags: in.Tags,
		Check: func(tx Tx, inst string, v *User) error {
			instance, err := tx.GetInstance(scope, inst)
			if err != nil {
				return err
			}
			// The model's Password documentation: "A password is required if you are using Amazon Connect for
			// identity management. Otherwise, it is an error to include a password." InvalidRequestException
			// is decided (research-routing §3). Likewise DirectoryUserId and Email under SAML.
			switch {
			case instance.IdentityManagementType == "CONNECT_MANAGED" && in.Password == nil:
				return Errorf(InvalidRequest, "A password is required for a user of an instance that manages its own users")
			case instance.IdentityManagementType != "CONNECT_MANAGED" && in.Password != nil:
				return Errorf(InvalidRequest, "A password cannot be set for a user of an instance using %s identity management", instance.IdentityManagementType)
			case instance.IdentityManagementType == "SAML" && in.DirectoryUserID != "":
				return Errorf(InvalidRequest, "DirectoryUserId cannot be set for a user of an instance using SAML")
			case instance.IdentityManagementType == "SAML" && v.Email != "":
				return Errorf(InvalidRequest, "Email cannot be set for a user of an instance using SAML")
			}
			if in.Password != nil {
				if v.PasswordHash, err = hashPassword(*in.Password); err != nil {
					return err
				}
			}
			if err := checkUserRefs(tx, scope, inst, v, &in.RoutingProfileID, in.SecurityProfileIDs, optional(in.HierarchyGroupID)); err != nil {
				return err
			}
			now := s.now()
			q := Object{InstanceID: inst, Kind: KindQueue, ID: id, CreatedTime: now, LastModifiedTime: now}
			if err := EncodeObject(&q, Queue{Type: "AGENT", Status: "ENABLED"}); err != nil {
				return err
			}
			return tx.PutObject(scope, q)
		}})
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// DescribeUser reads a user with its tags.
func (s *Service) DescribeUser(ctx context.Context, scope Scope, instance, id string) (Record[User], error) {
	return describeRecord[User](ctx, s, scope, UserKind, instance, id)
}

// ListUsers reads one page of the instance's users.
func (s *Service) ListUsers(ctx context.Context, scope Scope, instance string, page Page) ([]Record[User], string, error) {
	return listRecords[User](ctx, s, scope, UserKind, instance, page, 100, "", nil)
}

// DeleteUser removes the user and its AGENT queue. Nothing refuses it: Connect's DeleteUser documentation
// tells callers to delete the user's quick connects afterwards, so those may dangle.
func (s *Service) DeleteUser(ctx context.Context, scope Scope, instance, id string) error {
	return deleteRecord(ctx, s, scope, UserKind, instance, id, func(tx Tx, inst string, r Record[User]) error {
		if err := tx.DeleteObject(scope, inst, KindQueue, r.ID); err != nil && CodeOf(err) != NotFound {
			return err
		}
		return nil
	})
}

// UserUpdate is one of the UpdateUser* operations: the members it names (nil: untouched).
type UserUpdate struct {
	Instance, ID       string
	Identity           *UserIdentity
	Phone              *UserPhone
	RoutingProfileID   *string
	SecurityProfileIDs []string
	// HierarchyGroupID is UpdateUserHierarchy's: "" (or absent) removes the user from its group, as
	// Terraform relies on (research-routing §2).
	HierarchyGroupID *string
}

// UpdateUser applies one UpdateUser* operation.
func (s *Service) UpdateUser(ctx context.Context, scope Scope, in UserUpdate) error {
	_, err := updateRecord(ctx, s, scope, UserKind, in.Instance, in.ID, func(tx Tx, inst string, r *Record[User]) error {
		u := &r.Value
		if in.Identity != nil {
			// The whole identity is replaced: Terraform sends only the non-empty members, so a member it leaves
			// out is one the configuration dropped (decided).
			u.FirstName, u.LastName, u.Email, u.SecondaryEmail, u.Mobile = in.Identity.FirstName, in.Identity.LastName,
				in.Identity.Email, in.Identity.SecondaryEmail, in.Identity.Mobile
			if u.Email != "" {
				instance, err := tx.GetInstance(scope, inst)
				if err != nil {
					return err
				}
				if instance.IdentityManagementType == "SAML" {
					return Errorf(InvalidRequest, "Email cannot be set for a user of an instance using SAML")
				}
			}
		}
		if in.Phone != nil {
			if err := applyPhone(u, in.Phone); err != nil {
				return err
			}
		}
		return checkUserRefs(tx, scope, inst, u, in.RoutingProfileID, in.SecurityProfileIDs, in.HierarchyGroupID)
	})
	return err
}

// SearchUsers finds users by the documented UserSearchCriteria field names (Username, FirstName, LastName,
// RoutingProfileId, SecurityProfileId, resourceId), hierarchy group conditions and tags.
func (s *Service) SearchUsers(ctx context.Context, scope Scope, in SearchInput, attrs *UserAttributeFilter) ([]Record[User], string, int64, error) {
	// The hierarchy conditions need each group's ancestors, and the attribute filter the users' tags: both are
	// read once, before the search.
	parents := map[string]string{}
	tags := map[string]map[string]string{}
	err := s.Store.View(ctx, func(tx Tx) error {
		inst, err := requireInstance(tx, scope, in.Instance)
		if err != nil {
			return err
		}
		groups, err := allRecords[HierarchyGroup](tx, scope, inst, KindHierarchyGroup)
		if err != nil {
			return err
		}
		for _, g := range groups {
			parents[g.ID] = g.Value.ParentID
		}
		if attrs == nil {
			return nil
		}
		users, err := allRecords[User](tx, scope, inst, KindUser)
		if err != nil {
			return err
		}
		for _, u := range users {
			if tags[u.ID], err = tx.Tags(scope, u.ARN(scope)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, "", 0, err
	}
	inGroup := func(u User, cond HierarchyGroupCondition) bool {
		if cond.Value == "" {
			return true
		}
		want := cond.Value
		if rn, ok := ParseARN(want); ok && rn.Kind == KindHierarchyGroup {
			want = rn.ID
		}
		for g, depth := u.HierarchyGroupID, 0; g != "" && depth < 6; g, depth = parents[g], depth+1 {
			if g == want {
				return true
			}
			if cond.MatchType != "WITH_CHILD_GROUPS" {
				return false
			}
		}
		return false
	}
	if attrs != nil {
		// The attribute filter joins the criteria as one more AND leaf, so that paging and counting see it.
		enc := attrs.encode()
		in.Criteria = &SearchCriteria{And: append([]SearchCriteria{{Other: map[string]string{userAttributeFilterMember: enc}}},
			nonNil(in.Criteria)...)}
	}
	page, next, total, err := searchRecords(ctx, s, scope, UserKind, in, func(r Record[User]) SearchFields {
		return func(field string) ([]string, bool) {
			switch field {
			case "Username":
				return []string{r.Value.Username}, true
			case "FirstName":
				return []string{r.Value.FirstName}, true
			case "LastName":
				return []string{r.Value.LastName}, true
			case "RoutingProfileId":
				return []string{r.Value.RoutingProfileID}, true
			case "SecurityProfileId":
				return r.Value.SecurityProfileIDs, true
			case "resourceId":
				return []string{r.ID}, true
			}
			return nil, false
		}
	}, func(r Record[User], member, value string) bool {
		switch member {
		case "HierarchyGroupCondition":
			return inGroup(r.Value, decodeGroupCondition(value))
		case userAttributeFilterMember:
			return decodeUserAttributeFilter(value).matches(tags[r.ID], func(c HierarchyGroupCondition) bool { return inGroup(r.Value, c) })
		}
		// ListCondition (proficiencies): connectlocal keeps no proficiencies, so none match.
		return false
	})
	if err != nil {
		return nil, "", 0, err
	}
	// UserSearchSummary carries the users' tags.
	err = s.Store.View(ctx, func(tx Tx) error {
		for i := range page {
			if page[i].Tags, err = tx.Tags(scope, page[i].ARN(scope)); err != nil {
				return err
			}
		}
		return nil
	})
	return page, next, total, err
}

func nonNil(c *SearchCriteria) []SearchCriteria {
	if c == nil {
		return nil
	}
	return []SearchCriteria{*c}
}
