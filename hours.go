package connectlocal

// HoursOfOperation is an instance's opening hours: the slots of each day in one time zone. Queues point at
// one (Queue.HoursOfOperationID), and a flow's CheckHoursOfOperation asks it.
type HoursOfOperation struct {
	Name        string
	Description string `json:",omitempty"`
	TimeZone    string
	Config      []HoursConfig
	// Parents are the hours this one inherits from (ParentHoursOfOperationConfigs), by id.
	Parents []string `json:",omitempty"`
}

// HoursConfig is one open slot of a day. An end at or before the start runs past midnight, and 00:00–00:00
// is the whole day, as the instance's "Basic Hours" are (spec: research-routing §1).
type HoursConfig struct {
	Day   string // SUNDAY … SATURDAY
	Start TimeOfDay
	End   TimeOfDay
}

// TimeOfDay is an hour (0-23) and minute (0-59).
type TimeOfDay struct {
	Hours   int
	Minutes int
}

func (h HoursOfOperation) references() []ObjectRef {
	refs := make([]ObjectRef, len(h.Parents))
	for i, id := range h.Parents {
		refs[i] = ObjectRef{Kind: KindHours, ID: id}
	}
	return refs
}
