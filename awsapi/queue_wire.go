package awsapi

import (
	"github.com/connectlocal/connectlocal"
)

// The queues' and quick connects' shapes, shared by their operations (issue 20).

type OutboundCallerConfig struct {
	OutboundCallerIdName     *string `json:",omitempty"`
	OutboundCallerIdNumberId *string `json:",omitempty"`
	OutboundFlowId           *string `json:",omitempty"`
}

type OutboundEmailConfig struct {
	OutboundEmailAddressId *string `json:",omitempty"`
}

type EmailAddressConfig struct {
	EmailAddressId string
}

type Queue struct {
	Name                 *string `json:",omitempty"` // an AGENT queue has none
	QueueArn             string
	QueueId              string
	Description          *string               `json:",omitempty"`
	OutboundCallerConfig *OutboundCallerConfig `json:",omitempty"`
	OutboundEmailConfig  *OutboundEmailConfig  `json:",omitempty"`
	HoursOfOperationId   *string               `json:",omitempty"`
	MaxContacts          *int                  `json:",omitempty"` // absent: no limit
	Status               string
	Tags                 map[string]string `json:",omitempty"`
	LastModifiedTime     *epochTime
	LastModifiedRegion   string
}

type QueueSummary struct {
	Id                 string
	Arn                string
	Name               *string `json:",omitempty"`
	QueueType          string
	LastModifiedTime   *epochTime
	LastModifiedRegion string
}

func (c *OutboundCallerConfig) domain() connectlocal.OutboundCaller {
	if c == nil {
		return connectlocal.OutboundCaller{}
	}
	return connectlocal.OutboundCaller{Name: val(c.OutboundCallerIdName), NumberID: val(c.OutboundCallerIdNumberId), FlowID: val(c.OutboundFlowId)}
}

// queueOut is the model's Queue. The outbound caller config is left out when nothing is set: Terraform reads
// an empty object as a block the configuration lacks, a perpetual diff.
func queueOut(scope connectlocal.Scope, r connectlocal.Record[connectlocal.Queue]) Queue {
	q := r.Value
	out := Queue{Name: str(q.Name), QueueArn: connectlocal.QueueARN(scope, r), QueueId: r.ID, Description: str(q.Description),
		HoursOfOperationId: str(q.HoursOfOperationID), MaxContacts: q.MaxContacts, Status: q.Status, Tags: tagsOut(r.Tags),
		LastModifiedTime: stamp(r.LastModifiedTime), LastModifiedRegion: scope.Region}
	if out.Status == "" {
		out.Status = connectlocal.QueueEnabled // an AGENT queue stored without one (CreateUser's) is enabled
	}
	if q.OutboundCallerIDName != "" || q.OutboundCallerIDNumberID != "" || q.OutboundFlowID != "" {
		out.OutboundCallerConfig = &OutboundCallerConfig{OutboundCallerIdName: str(q.OutboundCallerIDName),
			OutboundCallerIdNumberId: str(q.OutboundCallerIDNumberID), OutboundFlowId: str(q.OutboundFlowID)}
	}
	if q.OutboundEmailAddressID != "" {
		out.OutboundEmailConfig = &OutboundEmailConfig{OutboundEmailAddressId: str(q.OutboundEmailAddressID)}
	}
	return out
}

func queueSummaryOut(scope connectlocal.Scope, r connectlocal.Record[connectlocal.Queue]) QueueSummary {
	return QueueSummary{Id: r.ID, Arn: connectlocal.QueueARN(scope, r), Name: str(r.Value.Name), QueueType: r.Value.Type,
		LastModifiedTime: stamp(r.LastModifiedTime), LastModifiedRegion: scope.Region}
}

type UserQuickConnectConfig struct {
	UserId        string
	ContactFlowId string
}

type QueueQuickConnectConfig struct {
	QueueId       string
	ContactFlowId string
}

type PhoneNumberQuickConnectConfig struct {
	PhoneNumber string
}

type FlowQuickConnectConfig struct {
	ContactFlowId string
}

type QuickConnectConfig struct {
	QuickConnectType string
	UserConfig       *UserQuickConnectConfig        `json:",omitempty"`
	QueueConfig      *QueueQuickConnectConfig       `json:",omitempty"`
	PhoneConfig      *PhoneNumberQuickConnectConfig `json:",omitempty"`
	FlowConfig       *FlowQuickConnectConfig        `json:",omitempty"`
}

type QuickConnect struct {
	QuickConnectARN    string
	QuickConnectId     string
	Name               string
	Description        *string `json:",omitempty"`
	QuickConnectConfig QuickConnectConfig
	Tags               map[string]string `json:",omitempty"`
	LastModifiedTime   *epochTime
	LastModifiedRegion string
}

type QuickConnectSummary struct {
	Id                 string
	Arn                string
	Name               string
	QuickConnectType   string
	LastModifiedTime   *epochTime
	LastModifiedRegion string
}

func (c *QuickConnectConfig) domain() connectlocal.QuickConnectConfig {
	out := connectlocal.QuickConnectConfig{Type: c.QuickConnectType}
	if u := c.UserConfig; u != nil {
		out.HasUser, out.UserID, out.UserFlowID = true, u.UserId, u.ContactFlowId
	}
	if q := c.QueueConfig; q != nil {
		out.HasQueue, out.QueueID, out.QueueFlowID = true, q.QueueId, q.ContactFlowId
	}
	if p := c.PhoneConfig; p != nil {
		out.HasPhone, out.PhoneNumber = true, p.PhoneNumber
	}
	if f := c.FlowConfig; f != nil {
		out.HasFlow, out.Flow = true, f.ContactFlowId
	}
	return out
}

// quickConnectConfigOut gives back the block of the quick connect's type only, with ids as stored.
func quickConnectConfigOut(v connectlocal.QuickConnect) QuickConnectConfig {
	c := QuickConnectConfig{QuickConnectType: v.Type}
	switch v.Type {
	case connectlocal.QuickConnectUser:
		c.UserConfig = &UserQuickConnectConfig{UserId: v.UserID, ContactFlowId: v.ContactFlowID}
	case connectlocal.QuickConnectQueue:
		c.QueueConfig = &QueueQuickConnectConfig{QueueId: v.QueueID, ContactFlowId: v.ContactFlowID}
	case connectlocal.QuickConnectPhone:
		c.PhoneConfig = &PhoneNumberQuickConnectConfig{PhoneNumber: v.PhoneNumber}
	case connectlocal.QuickConnectFlow:
		c.FlowConfig = &FlowQuickConnectConfig{ContactFlowId: v.ContactFlowID}
	}
	return c
}

func quickConnectOut(scope connectlocal.Scope, r connectlocal.Record[connectlocal.QuickConnect]) QuickConnect {
	return QuickConnect{QuickConnectARN: r.ARN(scope), QuickConnectId: r.ID, Name: r.Value.Name, Description: str(r.Value.Description),
		QuickConnectConfig: quickConnectConfigOut(r.Value), Tags: tagsOut(r.Tags), LastModifiedTime: stamp(r.LastModifiedTime),
		LastModifiedRegion: scope.Region}
}

func quickConnectSummaryOut(scope connectlocal.Scope, r connectlocal.Record[connectlocal.QuickConnect]) QuickConnectSummary {
	return QuickConnectSummary{Id: r.ID, Arn: r.ARN(scope), Name: r.Value.Name, QuickConnectType: r.Value.Type,
		LastModifiedTime: stamp(r.LastModifiedTime), LastModifiedRegion: scope.Region}
}
