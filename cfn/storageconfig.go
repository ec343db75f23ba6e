package cfn

import (
	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/model"
)

// storageBlocks are the storage config blocks, named alike in the type's properties and in Connect's
// InstanceStorageConfig.
var storageBlocks = []string{"S3Config", "KinesisVideoStreamConfig", "KinesisStreamConfig", "KinesisFirehoseConfig"}

// StorageConfigOf turns AWS::Connect::InstanceStorageConfig properties into Connect's InstanceStorageConfig
// (AssociateInstanceStorageConfig's and UpdateInstanceStorageConfig's StorageConfig member).
func StorageConfigOf(props map[string]any) map[string]any {
	c := map[string]any{}
	if v, ok := props["StorageType"]; ok {
		c["StorageType"] = v
	}
	for _, b := range storageBlocks {
		if v, ok := props[b]; ok {
			c[b] = v
		}
	}
	return c
}

// InstanceStorageConfigModel turns DescribeInstanceStorageConfig's StorageConfig into the type's properties.
func InstanceStorageConfigModel(scope connectlocal.Scope, instanceID, resourceType string, c map[string]any) map[string]any {
	m := map[string]any{"InstanceArn": scope.InstanceARN(instanceID), "ResourceType": resourceType,
		"AssociationId": c["AssociationId"], "StorageType": c["StorageType"]}
	for _, b := range storageBlocks {
		if v, ok := c[b]; ok && v != nil {
			m[b] = v
		}
	}
	return m
}

// StorageResourceTypes are the resource types a storage config can be associated for: the Connect model's
// InstanceStorageResourceType enum, wider than the registry schema's.
func StorageResourceTypes() []string {
	if s := model.Load().Shapes["InstanceStorageResourceType"]; s != nil {
		return s.Enum
	}
	return nil
}
