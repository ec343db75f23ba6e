package connectlocal

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
)

// A new instance holds what real instances come with and Terraform configurations look up by name
// (issue 20; the names and settings and where each comes from: README "What a new instance holds").

// DefaultHoursName and DefaultTimeZone describe the instance's "Basic Hours": every day, all day. The name
// is the one real instances list (aws-cli awscli/examples/connect/list-hours-of-operations.rst); no public
// record shows its zone, so the zone is decided.
const (
	DefaultHoursName = "Basic Hours"
	DefaultTimeZone  = "America/New_York" // decided
)

// DefaultQueueName is the instance's standard queue (aws-cli awscli/examples/connect/list-queues.rst).
const DefaultQueueName = "BasicQueue"

// putInstanceDefaults stores the default objects of a new instance, inside the Update that creates it (its
// scope key covers the records of the instance it creates: nobody else can reach them before it commits).
func (s *Service) putInstanceDefaults(ctx context.Context, tx Tx, scope Scope, inst Instance) error {
	now := inst.CreatedTime
	hours := Record[HoursOfOperation]{Object: Object{InstanceID: inst.ID, Kind: KindHours, ID: derivedID(inst.ID, string(KindHours)+"/"+DefaultHoursName),
		Name: DefaultHoursName, CreatedTime: now, LastModifiedTime: now},
		Value: HoursOfOperation{Name: DefaultHoursName, TimeZone: DefaultTimeZone}}
	for _, day := range []string{"SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"} {
		hours.Value.Config = append(hours.Value.Config, HoursConfig{Day: day}) // 00:00–00:00: the whole day
	}
	if err := putRecord(tx, scope, HoursKind, &hours); err != nil {
		return err
	}
	// queues (issue 20): "BasicQueue" on the Basic Hours
	if err := putDefaultQueue(tx, scope, inst, derivedID(inst.ID, string(KindQueue)+"/"+DefaultQueueName), hours.ID); err != nil {
		return err
	}
	// profiles (issue 20): "Basic Routing Profile" (after BasicQueue), the four security profiles, the
	// Available and Offline agent statuses
	if err := s.putDefaultProfiles(ctx, tx, scope, inst); err != nil {
		return err
	}
	return s.putDefaultFlows(tx, scope, inst)
}

// DefaultFlows are the flows every new instance holds (research-routing §1.3: the names and types of a real
// instance's default flows, from a Terraform import of one and a CDK stack that describes them; descriptions
// only where one was seen). Real instances hold more "Sample ..." flows; these are the ones configurations look
// up (quick connects need "Default agent transfer" and "Default queue transfer").
var DefaultFlows = []struct{ Name, Type, Description string }{
	{"Default agent hold", "AGENT_HOLD", "Audio played for the agent when on hold"},
	{"Default agent transfer", "AGENT_TRANSFER", "Default flow to transfer to an agent."},
	{"Default agent whisper", "AGENT_WHISPER", "Default whisper played to the agent."},
	{"Default customer hold", "CUSTOMER_HOLD", ""},
	{"Default customer queue", "CUSTOMER_QUEUE", ""},
	{"Default customer whisper", "CUSTOMER_WHISPER", ""},
	{"Default outbound", "OUTBOUND_WHISPER", ""},
	{"Default queue transfer", "QUEUE_TRANSFER", ""},
	{"Sample inbound flow (first contact experience)", "CONTACT_FLOW", "First contact experience"},
}

// DefaultFlowContent is every default flow's content. Decided: AWS's own defaults play prompts and queue
// contacts, which connectlocal neither holds nor runs; a minimal valid published flow (one DisconnectParticipant
// action) is what a configuration that reads or references them needs.
const DefaultFlowContent = `{"Version":"2019-10-30","StartAction":"00000000-0000-4000-8000-000000000001",` +
	`"Metadata":{},"Actions":[{"Identifier":"00000000-0000-4000-8000-000000000001","Type":"DisconnectParticipant",` +
	`"Parameters":{},"Transitions":{}}]}`

// derivedID is a UUIDv4-shaped id derived from the instance's id and what it names, so that a rerun of the
// Update that creates the instance (store.go lets a backend run it again) stores the same ids, and the
// service's id source is not drawn on inside the transaction.
func derivedID(instanceID, what string) string {
	sum := sha256.Sum256([]byte(instanceID + "\x00" + what))
	sum[6] = sum[6]&0x0f | 0x40 // version 4
	sum[8] = sum[8]&0x3f | 0x80 // RFC 4122 variant
	h := hex.EncodeToString(sum[:16])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

func (s *Service) putDefaultFlows(tx Tx, scope Scope, inst Instance) error {
	for _, d := range DefaultFlows {
		f := ContactFlow{InstanceID: inst.ID, ID: derivedID(inst.ID, "contact-flow/"+d.Name), Name: d.Name, Type: d.Type, Description: d.Description,
			Content: DefaultFlowContent, Status: "PUBLISHED", State: "ACTIVE", Published: true,
			CreatedTime: inst.CreatedTime, LastModifiedTime: inst.CreatedTime}
		if err := tx.PutContactFlow(scope, f); err != nil {
			return err
		}
	}
	return nil
}
