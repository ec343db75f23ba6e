// Package faults injects errors and delays into chosen operations at chosen rates (--faults), so a team can
// prove its retry, back-off and timeout handling against answers AWS really gives.
package faults
