package cfn

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/connectlocal/connectlocal"
)

// The integration types connectlocal serves: a Lambda function (AssociateLambdaFunction) and a Lex bot
// (AssociateBot). The others (APPLICATION, CASES_DOMAIN...) go through CreateIntegrationAssociation, which
// connectlocal does not serve.
const (
	IntegrationLambda = "LAMBDA_FUNCTION"
	IntegrationLexBot = "LEX_BOT"
)

// LexBotOf reads a LEX_BOT IntegrationArn as AssociateBot's members. The CloudFormation reference's examples
// (AWS::Connect::IntegrationAssociation, "Specify a Lex V1/V2 Bot integration") give
// arn:aws:lex:region:account:bot/bot-name for a V1 bot (Lex V1 itself writes bot:name; both are read) and
// arn:aws:lex:region:account:bot-alias/bot-id/alias-id for a V2 bot's alias. ok is false for anything else.
func LexBotOf(arn string) (member string, value map[string]any, ok bool) {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" || parts[2] != "lex" || parts[3] == "" || !connectlocal.IsAccountID(parts[4]) {
		return "", nil, false
	}
	res := parts[5]
	if rest, ok := strings.CutPrefix(res, "bot-alias/"); ok {
		if id, alias, ok := strings.Cut(rest, "/"); ok && id != "" && alias != "" && !strings.Contains(alias, "/") {
			return "LexV2Bot", map[string]any{"AliasArn": arn}, true
		}
		return "", nil, false
	}
	for _, prefix := range []string{"bot/", "bot:"} {
		if name, ok := strings.CutPrefix(res, prefix); ok && name != "" && !strings.ContainsAny(name, "/:") {
			return "LexBot", map[string]any{"Name": name, "LexRegion": parts[3]}, true
		}
	}
	return "", nil, false
}

// LexBotARN is the IntegrationArn of a bot ListBots answers: a V2 bot's alias ARN, or a V1 bot's
// arn:aws:lex:region:account:bot/name, as the reference's example writes it (decided: the account is the caller's).
func LexBotARN(scope connectlocal.Scope, bot map[string]any) string {
	if v2, ok := bot["LexV2Bot"].(map[string]any); ok {
		arn, _ := v2["AliasArn"].(string)
		return arn
	}
	v1, _ := bot["LexBot"].(map[string]any)
	name, _ := v1["Name"].(string)
	region, _ := v1["LexRegion"].(string)
	return "arn:" + scope.Partition() + ":lex:" + region + ":" + scope.Account + ":bot/" + name
}

// IntegrationAssociationModel is the type's properties for an association. IntegrationAssociationId is the id
// ListIntegrationAssociations would give; connectlocal does not serve that operation, so the id is derived
// from the association itself (decided): the same association always has the same id.
func IntegrationAssociationModel(instanceARN, integrationType, arn string) map[string]any {
	sum := sha256.Sum256([]byte(instanceARN + "\x00" + integrationType + "\x00" + arn))
	sum[6] = sum[6]&0x0f | 0x40
	sum[8] = sum[8]&0x3f | 0x80
	h := hex.EncodeToString(sum[:16])
	return map[string]any{"InstanceId": instanceARN, "IntegrationType": integrationType, "IntegrationArn": arn,
		"IntegrationAssociationId": h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]}
}

// IntegrationProblem says why connectlocal cannot serve an association, nil when it can: an integration type
// other than LAMBDA_FUNCTION and LEX_BOT (those go through CreateIntegrationAssociation, not served), or a
// LEX_BOT IntegrationArn that names no bot. Cloud Control's handler and `connectlocal validate` say the same.
func IntegrationProblem(integrationType, arn string) error {
	switch integrationType {
	case IntegrationLambda:
		return nil
	case IntegrationLexBot:
		if _, _, ok := LexBotOf(arn); !ok {
			return connectlocal.Errorf(connectlocal.InvalidRequest, "IntegrationArn '%s' is no Lex bot ARN: a Lex V2 bot is "+
				"arn:aws:lex:<region>:<account>:bot-alias/<bot id>/<alias id>, a Lex V1 bot arn:aws:lex:<region>:<account>:bot/<name>", arn)
		}
		return nil
	}
	return connectlocal.Errorf(connectlocal.InvalidRequest, "IntegrationType %s is not served by connectlocal: it serves "+
		"LAMBDA_FUNCTION (AssociateLambdaFunction) and LEX_BOT (AssociateBot) only. Nothing was created.", integrationType)
}
