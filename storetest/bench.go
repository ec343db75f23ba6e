package storetest

import (
	"fmt"
	"testing"

	"github.com/connectlocal/connectlocal"
)

// Bench measures a store's hot paths: reading a template, storing one, and a page of 100 summaries.
func Bench(b *testing.B, newStore func(b *testing.B) connectlocal.Store) {
	b.Run("GetTaskTemplate", func(b *testing.B) {
		s := newStore(b)
		defer s.Close()
		if err := s.Update(ctx, connectlocal.InstanceKey(scope, "i"), func(tx connectlocal.Tx) error { return tx.PutTaskTemplate(scope, template("i", "t", "T", 1)) }); err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			err := s.View(ctx, func(tx connectlocal.Tx) error {
				_, err := tx.GetTaskTemplate(scope, "i", "t", 0)
				return err
			})
			if err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("PutTaskTemplate", func(b *testing.B) {
		s := newStore(b)
		defer s.Close()
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			i++
			if err := s.Update(ctx, connectlocal.InstanceKey(scope, "i"), func(tx connectlocal.Tx) error {
				return tx.PutTaskTemplate(scope, template("i", fmt.Sprint("t", i), fmt.Sprint("n", i), i))
			}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ListTaskTemplates100", func(b *testing.B) {
		s := newStore(b)
		defer s.Close()
		if err := s.Update(ctx, connectlocal.InstanceKey(scope, "i"), func(tx connectlocal.Tx) error {
			for i := 0; i < 1000; i++ {
				if err := tx.PutTaskTemplate(scope, template("i", fmt.Sprint("t", i), fmt.Sprint("n", i), i)); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			err := s.View(ctx, func(tx connectlocal.Tx) error {
				_, err := tx.ListTaskTemplates(scope, "i", connectlocal.TemplateFilter{}, connectlocal.Cursor{}, 100)
				return err
			})
			if err != nil {
				b.Fatal(err)
			}
		}
	})
}
