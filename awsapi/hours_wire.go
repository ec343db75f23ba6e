package awsapi

import (
	"github.com/connectlocal/connectlocal"
)

// The hours of operation's shapes, shared by their operations.

type HoursOfOperationTimeSlice struct {
	Hours   int
	Minutes int
}

type HoursOfOperationConfig struct {
	Day       string
	StartTime HoursOfOperationTimeSlice
	EndTime   HoursOfOperationTimeSlice
}

type ParentHoursOfOperationConfig struct {
	HoursOfOperationId *string
}

type HoursOfOperationsIdentifier struct {
	Name string
	Id   string
	Arn  *string `json:",omitempty"`
}

type HoursOfOperation struct {
	HoursOfOperationId      string
	HoursOfOperationArn     string
	Name                    string
	Description             *string `json:",omitempty"`
	TimeZone                string
	Config                  []HoursOfOperationConfig
	ParentHoursOfOperations []HoursOfOperationsIdentifier `json:",omitempty"`
	Tags                    map[string]string             `json:",omitempty"`
	LastModifiedTime        *epochTime
	LastModifiedRegion      string
}

type HoursOfOperationSummary struct {
	Id                 string
	Arn                string
	Name               string
	LastModifiedTime   *epochTime
	LastModifiedRegion string
}

func hoursConfigIn(in []HoursOfOperationConfig) []connectlocal.HoursConfig {
	if in == nil {
		return nil
	}
	out := make([]connectlocal.HoursConfig, len(in))
	for i, c := range in {
		out[i] = connectlocal.HoursConfig{Day: c.Day, Start: connectlocal.TimeOfDay{Hours: c.StartTime.Hours, Minutes: c.StartTime.Minutes},
			End: connectlocal.TimeOfDay{Hours: c.EndTime.Hours, Minutes: c.EndTime.Minutes}}
	}
	return out
}

func hoursConfigOut(in []connectlocal.HoursConfig) []HoursOfOperationConfig {
	out := make([]HoursOfOperationConfig, len(in))
	for i, c := range in {
		out[i] = HoursOfOperationConfig{Day: c.Day, StartTime: HoursOfOperationTimeSlice{c.Start.Hours, c.Start.Minutes},
			EndTime: HoursOfOperationTimeSlice{c.End.Hours, c.End.Minutes}}
	}
	return out
}

// hoursOut is the model's HoursOfOperation for a record; parents maps the parents' ids to their names.
func hoursOut(scope connectlocal.Scope, r connectlocal.Record[connectlocal.HoursOfOperation], parents map[string]string) HoursOfOperation {
	h := HoursOfOperation{HoursOfOperationId: r.ID, HoursOfOperationArn: r.ARN(scope), Name: r.Value.Name,
		Description: str(r.Value.Description), TimeZone: r.Value.TimeZone, Config: hoursConfigOut(r.Value.Config),
		Tags: tagsOut(r.Tags), LastModifiedTime: stamp(r.LastModifiedTime), LastModifiedRegion: scope.Region}
	for _, id := range r.Value.Parents {
		if name, ok := parents[id]; ok {
			arn := scope.ObjectARN(r.InstanceID, connectlocal.KindHours, id)
			h.ParentHoursOfOperations = append(h.ParentHoursOfOperations, HoursOfOperationsIdentifier{Name: name, Id: id, Arn: &arn})
		}
	}
	return h
}
