// Package model is Amazon Connect's API model (botocore's, documentation stripped) embedded as data, with
// typed access to operations and shapes and a validator that checks decoded JSON against a shape. connect.json
// is generated (go generate) from botocore's models in source/, so a clone regenerates it.
package model
