package connectlocal

// CheckStorageConfig applies AssociateInstanceStorageConfig's store-free rules to c (the storage its resource
// type takes, the configuration block of its storage type), so `connectlocal validate` judges a file by them.
func CheckStorageConfig(c StorageConfig) error { return checkStorageConfig(c.ResourceType, c) }
