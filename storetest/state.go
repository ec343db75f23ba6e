package storetest

import (
	"testing"
	"time"

	"github.com/connectlocal/connectlocal"
)

// testState covers StateTx: what reset and export walk.
func testState(t *testing.T, s connectlocal.Store) {
	other := connectlocal.Scope{Account: "000000000000", Region: "eu-west-2"}
	third := connectlocal.Scope{Account: "999999999999", Region: "ap-south-1"}
	v1 := template("i", "t", "T", 1)
	v2 := v1
	v2.Version, v2.Name, v2.LastModifiedTime = 2, "T2", base.Add(time.Hour)
	update(t, s, func(tx connectlocal.Tx) error {
		for _, err := range []error{
			tx.CreateInstance(scope, instance("i", "alpha", 1)),
			tx.CreateInstance(other, instance("j", "beta", 1)),
			tx.PutTaskTemplate(scope, v1),
			tx.PutTaskTemplate(scope, v2),
			tx.PutToken(third, connectlocal.TokenKey{Operation: "CreateInstance", Token: "x"}, "gone", base.Add(time.Hour)),
			tx.PutToken(scope, connectlocal.TokenKey{Operation: "StartTaskContact", InstanceID: "i", Token: "y"}, "c", base.Add(time.Hour)),
		} {
			if err != nil {
				return err
			}
		}
		return nil
	})
	view(t, s, func(tx connectlocal.Tx) error {
		scopes, err := tx.Scopes()
		if err != nil {
			return err
		}
		diff(t, "scopes", []connectlocal.Scope{other, scope, third}, scopes)
		versions, err := tx.TaskTemplateVersions(scope, "i", "t")
		if err != nil {
			return err
		}
		diff(t, "versions", []connectlocal.TaskTemplate{v1, v2}, versions)
		_, nerr := tx.TaskTemplateVersions(scope, "i", "nope")
		wantCode(t, nerr, connectlocal.NotFound)
		if _, werr := tx.DeleteScopeTokens(third); werr == nil {
			t.Error("DeleteScopeTokens inside View succeeded")
		}
		return nil
	})
	update(t, s, func(tx connectlocal.Tx) error {
		n, err := tx.DeleteScopeTokens(third)
		if n != 1 {
			t.Errorf("DeleteScopeTokens removed %d, want 1", n)
		}
		if err != nil {
			return err
		}
		if n, err = tx.DeleteScopeTokens(scope); n != 0 { // an instance's token is the cascade's, not this
			t.Errorf("DeleteScopeTokens removed %d of an instance's tokens", n)
		}
		return err
	})
	view(t, s, func(tx connectlocal.Tx) error {
		scopes, err := tx.Scopes()
		diff(t, "scopes after removing the tokens", []connectlocal.Scope{other, scope}, scopes)
		if _, ok, _ := tx.Token(scope, connectlocal.TokenKey{Operation: "StartTaskContact", InstanceID: "i", Token: "y"}, base); !ok {
			t.Error("an instance's token was removed")
		}
		return err
	})
}
