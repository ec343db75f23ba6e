package model

import (
	_ "embed"
	"encoding/json"
	"slices"
	"sync"
)

//go:generate go run ./gen source/cloudcontrol-model.json cloudcontrol.json

// cloudControlJSON is the AWS Cloud Control API model (botocore's cloudcontrol 2021-09-30, documentation
// stripped), the source of Cloud Control's members, limits, enums and error statuses.
//
//go:embed cloudcontrol.json
var cloudControlJSON []byte

var (
	ccOnce   sync.Once
	ccLoaded *Model
	ccPrefix string
)

// CloudControl returns the embedded Cloud Control model, parsed once.
func CloudControl() *Model {
	ccOnce.Do(func() {
		m, err := Parse(cloudControlJSON)
		if err != nil {
			panic("model: embedded cloudcontrol.json is broken: " + err.Error())
		}
		var meta struct {
			Metadata struct {
				TargetPrefix string `json:"targetPrefix"`
			} `json:"metadata"`
		}
		if err := json.Unmarshal(cloudControlJSON, &meta); err != nil {
			panic("model: embedded cloudcontrol.json is broken: " + err.Error())
		}
		ccLoaded, ccPrefix = m, meta.Metadata.TargetPrefix
	})
	return ccLoaded
}

// CloudControlTargetPrefix is the Cloud Control model's targetPrefix (X-Amz-Target is "<prefix>.<Operation>").
func CloudControlTargetPrefix() string {
	CloudControl()
	return ccPrefix
}

// EnumValue returns v when it is a value of the named enum shape and panics otherwise: a program's constant
// that the model lacks is a bug to find at start-up, not a value to send.
func (m *Model) EnumValue(shape, v string) string {
	s := m.Shapes[shape]
	if s == nil || !slices.Contains(s.Enum, v) {
		panic("model: " + v + " is no value of enum " + shape)
	}
	return v
}
