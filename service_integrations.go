package connectlocal

import (
	"context"
	"regexp"
	"slices"
)

// An instance's integrations (issue 20): storage configs, Lambda functions and Lex bots it is associated with.
// connectlocal keeps them and answers for them; the streams, buckets, functions and bots themselves live
// elsewhere, so nothing checks that they exist (a flow's InvokeLambdaFunction checks the association).

// StorageConfigKind and the association kinds, to the shared object helpers.
var (
	StorageConfigKind  = ObjectKindInfo{Kind: KindStorageConfig, Noun: "Storage config"}
	LambdaFunctionKind = ObjectKindInfo{Kind: KindLambdaFunction, Noun: "Lambda function", Quota: MaxLambdaFunctionsPerInstance,
		QuotaName: "lambda-functions-per-instance"}
	BotKind = ObjectKindInfo{Kind: KindBot, Noun: "Bot", Quota: MaxBotsPerInstance, QuotaName: "bots-per-instance"}
)

// storageTypesByResource is which storage each resource type takes (the Connect admin guide's "Data storage"
// pages: recordings, transcripts, reports, attachments and evaluations go to S3, media streams to Kinesis Video
// Streams, the streamed records and events to Kinesis Data Streams or Firehose). Decided where the guide is
// silent (EMAIL_MESSAGES and SCREEN_RECORDINGS: S3, as the console offers).
var storageTypesByResource = map[string][]string{
	"CHAT_TRANSCRIPTS":                          {"S3"},
	"CALL_RECORDINGS":                           {"S3"},
	"SCHEDULED_REPORTS":                         {"S3"},
	"ATTACHMENTS":                               {"S3"},
	"CONTACT_EVALUATIONS":                       {"S3"},
	"SCREEN_RECORDINGS":                         {"S3"},
	"EMAIL_MESSAGES":                            {"S3"},
	"MEDIA_STREAMS":                             {"KINESIS_VIDEO_STREAM"},
	"CONTACT_TRACE_RECORDS":                     {"KINESIS_STREAM", "KINESIS_FIREHOSE"},
	"AGENT_EVENTS":                              {"KINESIS_STREAM", "KINESIS_FIREHOSE"},
	"REAL_TIME_CONTACT_ANALYSIS_SEGMENTS":       {"KINESIS_STREAM"},
	"REAL_TIME_CONTACT_ANALYSIS_CHAT_SEGMENTS":  {"KINESIS_STREAM"},
	"REAL_TIME_CONTACT_ANALYSIS_VOICE_SEGMENTS": {"KINESIS_STREAM"},
}

// checkStorageConfig applies the rules the model's documentation states in words: the config block of the
// storage type, and the storage the resource type takes.
func checkStorageConfig(resourceType string, c StorageConfig) error {
	if allowed := storageTypesByResource[resourceType]; !slices.Contains(allowed, c.StorageType) {
		return Errorf(InvalidArgument, "StorageType %s is not supported for resource type %s; use %v", c.StorageType, resourceType, allowed)
	}
	var ok bool
	switch c.StorageType {
	case "S3":
		ok = c.S3BucketName != ""
	case "KINESIS_VIDEO_STREAM":
		ok = c.KinesisVideoPrefix != ""
	case "KINESIS_STREAM":
		ok = c.KinesisStreamARN != ""
	case "KINESIS_FIREHOSE":
		ok = c.KinesisFirehoseARN != ""
	}
	if !ok {
		return Errorf(InvalidArgument, "StorageType %s needs its configuration block", c.StorageType)
	}
	return nil
}

// AssociateInstanceStorageConfig associates one storage config per resource type (a second one for the same
// type is a ResourceConflictException: decided, as the console holds one destination per type).
func (s *Service) AssociateInstanceStorageConfig(ctx context.Context, scope Scope, instance, clientToken string, c StorageConfig) (string, error) {
	if err := checkStorageConfig(c.ResourceType, c); err != nil {
		return "", err
	}
	now := s.now()
	id := s.newID(ctx)
	var out string
	err := s.Store.Update(ctx, instanceKey(scope, instance), func(tx Tx) error {
		out = id
		inst, err := requireInstance(tx, scope, instance)
		if err != nil {
			return err
		}
		key := TokenKey{Operation: "AssociateInstanceStorageConfig", InstanceID: inst, Token: clientToken}
		if prev, ok, err := s.remembered(tx, scope, key); err != nil || ok {
			out = prev
			return err
		}
		r := Record[StorageConfig]{Object: Object{InstanceID: inst, Kind: KindStorageConfig, ID: id, Name: c.ResourceType,
			CreatedTime: now, LastModifiedTime: now}, Value: c}
		if err := putRecord(tx, scope, StorageConfigKind, &r); err != nil {
			if CodeOf(err) == AlreadyExists {
				return Errorf(Conflict, "A storage config for %s is already associated with this instance", c.ResourceType)
			}
			return err
		}
		return s.remember(tx, scope, key, id)
	})
	return out, err
}

// storageConfig reads an association of the given resource type; another type's id is not found.
func storageConfig(tx Tx, scope Scope, inst, id, resourceType string) (Record[StorageConfig], error) {
	r, err := getRecord[StorageConfig](tx, scope, inst, StorageConfigKind, id)
	if err == nil && r.Value.ResourceType != resourceType {
		err = Errorf(NotFound, "Storage config '%s' not found for resource type %s", id, resourceType)
	}
	return r, err
}

// DescribeInstanceStorageConfig reads one association of the resource type.
func (s *Service) DescribeInstanceStorageConfig(ctx context.Context, scope Scope, instance, id, resourceType string) (Record[StorageConfig], error) {
	var r Record[StorageConfig]
	err := s.Store.View(ctx, func(tx Tx) error {
		inst, err := requireInstance(tx, scope, instance)
		if err == nil {
			r, err = storageConfig(tx, scope, inst, id, resourceType)
		}
		return err
	})
	return r, err
}

// ListInstanceStorageConfigs reads one page of the resource type's associations.
func (s *Service) ListInstanceStorageConfigs(ctx context.Context, scope Scope, instance, resourceType string, page Page) ([]Record[StorageConfig], string, error) {
	return listRecords(ctx, s, scope, StorageConfigKind, instance, page, 10, resourceType, func(_ Tx, r Record[StorageConfig]) (bool, error) {
		return r.Value.ResourceType == resourceType, nil
	})
}

// UpdateInstanceStorageConfig replaces an association's storage config.
func (s *Service) UpdateInstanceStorageConfig(ctx context.Context, scope Scope, instance, id string, c StorageConfig) error {
	if err := checkStorageConfig(c.ResourceType, c); err != nil {
		return err
	}
	return s.Store.Update(ctx, instanceKey(scope, instance), func(tx Tx) error {
		inst, err := requireInstance(tx, scope, instance)
		if err != nil {
			return err
		}
		r, err := storageConfig(tx, scope, inst, id, c.ResourceType)
		if err != nil {
			return err
		}
		r.Value, r.LastModifiedTime = c, s.now()
		return putRecord(tx, scope, StorageConfigKind, &r)
	})
}

// DisassociateInstanceStorageConfig removes an association of the resource type.
func (s *Service) DisassociateInstanceStorageConfig(ctx context.Context, scope Scope, instance, id, resourceType string) error {
	return s.Store.Update(ctx, instanceKey(scope, instance), func(tx Tx) error {
		inst, err := requireInstance(tx, scope, instance)
		if err != nil {
			return err
		}
		r, err := storageConfig(tx, scope, inst, id, resourceType)
		if err != nil {
			return err
		}
		return tx.DeleteObject(scope, inst, KindStorageConfig, r.ID)
	})
}

// StorageConfigFor returns the instance's association for a resource type, if any (the contact-record
// stream of the rest-of-the-stack issue reads CONTACT_TRACE_RECORDS).
func (s *Service) StorageConfigFor(ctx context.Context, scope Scope, instance, resourceType string) (StorageConfig, bool, error) {
	var out StorageConfig
	var found bool
	err := s.Store.View(ctx, func(tx Tx) error {
		o, err := tx.FindObject(scope, instance, KindStorageConfig, resourceType)
		if CodeOf(err) == NotFound {
			return nil
		}
		if err != nil {
			return err
		}
		found = true
		return DecodeObject(o, &out)
	})
	return out, found, err
}

// lambdaARN is a Lambda function ARN, optionally with a version or alias, as AssociateLambdaFunction takes
// (the Connect admin guide: "the ARN of the Lambda function").
var lambdaARN = regexp.MustCompile(`^arn:aws[a-z-]*:lambda:[a-z]{2}(-[a-z]+)+-\d:\d{12}:function:[a-zA-Z0-9-_]+(:(\$LATEST|[a-zA-Z0-9-_]+))?$`)

// AssociateLambdaFunction lets the instance's flows invoke the function; a function already associated is a
// ResourceConflictException (the model's only conflict error for it).
func (s *Service) AssociateLambdaFunction(ctx context.Context, scope Scope, instance, arn, clientToken string) error {
	if !lambdaARN.MatchString(arn) {
		return Errorf(InvalidArgument, "Invalid FunctionArn '%s'", clip(arn))
	}
	now := s.now()
	return s.Store.Update(ctx, instanceKey(scope, instance), func(tx Tx) error {
		inst, err := requireInstance(tx, scope, instance)
		if err != nil {
			return err
		}
		key := TokenKey{Operation: "AssociateLambdaFunction", InstanceID: inst, Token: clientToken}
		if _, ok, err := s.remembered(tx, scope, key); err != nil || ok {
			return err
		}
		if _, err := tx.GetObject(scope, inst, KindLambdaFunction, arn); err == nil {
			return Errorf(Conflict, "Lambda function '%s' is already associated with this instance", arn)
		} else if CodeOf(err) != NotFound {
			return err
		}
		if n, err := tx.CountObjects(scope, inst, KindLambdaFunction); err != nil {
			return err
		} else if limit := s.objectQuota(LambdaFunctionKind.QuotaName, LambdaFunctionKind.Quota); n >= limit {
			e := Errorf(QuotaExceeded, "The quota of %d Lambda functions per instance has been reached", limit)
			e.Quota = LambdaFunctionKind.QuotaName
			return e
		}
		r := Record[LambdaFunction]{Object: Object{InstanceID: inst, Kind: KindLambdaFunction, ID: arn, CreatedTime: now,
			LastModifiedTime: now}, Value: LambdaFunction{FunctionARN: arn}}
		if err := putRecord(tx, scope, LambdaFunctionKind, &r); err != nil {
			return err
		}
		return s.remember(tx, scope, key, arn)
	})
}

// DisassociateLambdaFunction removes the association; one that does not exist is ResourceNotFoundException.
func (s *Service) DisassociateLambdaFunction(ctx context.Context, scope Scope, instance, arn string) error {
	return s.Store.Update(ctx, instanceKey(scope, instance), func(tx Tx) error {
		inst, err := requireInstance(tx, scope, instance)
		if err != nil {
			return err
		}
		if err := tx.DeleteObject(scope, inst, KindLambdaFunction, arn); CodeOf(err) == NotFound {
			return Errorf(NotFound, "Lambda function '%s' is not associated with this instance", arn)
		} else {
			return err
		}
	})
}

// ListLambdaFunctions reads one page of the associated functions' ARNs, oldest association first.
func (s *Service) ListLambdaFunctions(ctx context.Context, scope Scope, instance string, page Page) ([]string, string, error) {
	rs, next, err := listRecords[LambdaFunction](ctx, s, scope, LambdaFunctionKind, instance, page, 25, "", nil)
	arns := make([]string, len(rs))
	for i, r := range rs {
		arns[i] = r.ID
	}
	return arns, next, err
}

// LambdaAssociated reports whether the function is associated with the instance (inside a transaction).
func LambdaAssociated(tx Tx, scope Scope, inst, arn string) (bool, error) {
	_, err := tx.GetObject(scope, inst, KindLambdaFunction, arn)
	if CodeOf(err) == NotFound {
		return false, nil
	}
	return err == nil, err
}

// botID is the association's id: a V2 bot by its alias ARN, a V1 bot by name and region.
func botID(b Bot) string {
	if b.LexV2Alias != "" {
		return "v2|" + b.LexV2Alias
	}
	return "v1|" + b.LexV1Region + "|" + b.LexV1Name
}

// checkBot requires exactly one of the two bot kinds, as the API reference for AssociateBot says.
func checkBot(b Bot) error {
	v1 := b.LexV1Name != "" || b.LexV1Region != ""
	v2 := b.LexV2Alias != ""
	if v1 == v2 {
		return Errorf(InvalidRequest, "Exactly one of LexBot and LexV2Bot is required")
	}
	return nil
}

// AssociateBot associates a Lex bot; the same bot twice is a ResourceConflictException.
func (s *Service) AssociateBot(ctx context.Context, scope Scope, instance, clientToken string, b Bot) error {
	if err := checkBot(b); err != nil {
		return err
	}
	now := s.now()
	return s.Store.Update(ctx, instanceKey(scope, instance), func(tx Tx) error {
		inst, err := requireInstance(tx, scope, instance)
		if err != nil {
			return err
		}
		key := TokenKey{Operation: "AssociateBot", InstanceID: inst, Token: clientToken}
		if _, ok, err := s.remembered(tx, scope, key); err != nil || ok {
			return err
		}
		id := botID(b)
		if _, err := tx.GetObject(scope, inst, KindBot, id); err == nil {
			return Errorf(Conflict, "This bot is already associated with the instance")
		} else if CodeOf(err) != NotFound {
			return err
		}
		if n, err := tx.CountObjects(scope, inst, KindBot); err != nil {
			return err
		} else if limit := s.objectQuota(BotKind.QuotaName, BotKind.Quota); n >= limit {
			e := Errorf(QuotaExceeded, "The quota of %d bots per instance has been reached", limit)
			e.Quota = BotKind.QuotaName
			return e
		}
		r := Record[Bot]{Object: Object{InstanceID: inst, Kind: KindBot, ID: id, CreatedTime: now, LastModifiedTime: now}, Value: b}
		if err := putRecord(tx, scope, BotKind, &r); err != nil {
			return err
		}
		return s.remember(tx, scope, key, id)
	})
}

// DisassociateBot removes a bot's association; an unknown bot is ResourceNotFoundException.
func (s *Service) DisassociateBot(ctx context.Context, scope Scope, instance string, b Bot) error {
	if err := checkBot(b); err != nil {
		return err
	}
	return s.Store.Update(ctx, instanceKey(scope, instance), func(tx Tx) error {
		inst, err := requireInstance(tx, scope, instance)
		if err != nil {
			return err
		}
		if err := tx.DeleteObject(scope, inst, KindBot, botID(b)); CodeOf(err) == NotFound {
			return Errorf(NotFound, "This bot is not associated with the instance")
		} else {
			return err
		}
	})
}

// ListBots reads one page of the instance's bots of one Lex version (V1 or V2).
func (s *Service) ListBots(ctx context.Context, scope Scope, instance, version string, page Page) ([]Bot, string, error) {
	rs, next, err := listRecords(ctx, s, scope, BotKind, instance, page, 25, version, func(_ Tx, r Record[Bot]) (bool, error) {
		return (version == "V2") == (r.Value.LexV2Alias != ""), nil
	})
	bots := make([]Bot, len(rs))
	for i, r := range rs {
		bots[i] = r.Value
	}
	return bots, next, err
}
