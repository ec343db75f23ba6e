// Package templatefile checks task-template definitions kept in files — AWS CLI --cli-input-json/yaml inputs of
// CreateTaskTemplate and UpdateTaskTemplate, and CloudFormation templates — with the server's own checks
// (awsapi.Check), and reports each problem at its line and column in the file's own terms.
package templatefile
