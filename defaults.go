package connectlocal

import "context"

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
	hours := Record[HoursOfOperation]{Object: Object{InstanceID: inst.ID, Kind: KindHours, ID: s.newDefaultID(ctx),
		Name: DefaultHoursName, CreatedTime: now, LastModifiedTime: now},
		Value: HoursOfOperation{Name: DefaultHoursName, TimeZone: DefaultTimeZone}}
	for _, day := range []string{"SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"} {
		hours.Value.Config = append(hours.Value.Config, HoursConfig{Day: day}) // 00:00–00:00: the whole day
	}
	if err := putRecord(tx, scope, HoursKind, &hours); err != nil {
		return err
	}
	// queues (issue 20): "BasicQueue" on the Basic Hours
	if err := putDefaultQueue(tx, scope, inst, s.newDefaultID(ctx), hours.ID); err != nil {
		return err
	}
	// profiles (issue 20): "Basic Routing Profile" (after BasicQueue), the four security profiles, the
	// Available and Offline agent statuses
	if err := s.putDefaultProfiles(ctx, tx, scope, inst); err != nil {
		return err
	}
	return nil
}

// newDefaultID is a random id even when the request presets the instance's (WithPresetID names one resource).
func (s *Service) newDefaultID(context.Context) string { return s.NewID() }
