package memory

import (
	"slices"

	"github.com/connectlocal/connectlocal"
)

// objKey names one routing object: its instance, kind and id.
type objKey struct {
	inst instKey
	kind connectlocal.ResourceKind
	id   string
}

// kindKey names one kind of an instance's objects.
type kindKey struct {
	inst instKey
	kind connectlocal.ResourceKind
}

func copyObject(o connectlocal.Object) connectlocal.Object {
	o.Doc = slices.Clone(o.Doc)
	return o
}

func (t *tx) GetObject(s connectlocal.Scope, instanceID string, kind connectlocal.ResourceKind, id string) (connectlocal.Object, error) {
	o, ok := t.s.objects[objKey{instKey{s, instanceID}, kind, id}]
	if !ok {
		return connectlocal.Object{}, notFound(string(kind), id)
	}
	return copyObject(o), nil
}

func (t *tx) FindObject(s connectlocal.Scope, instanceID string, kind connectlocal.ResourceKind, name string) (connectlocal.Object, error) {
	k := kindKey{instKey{s, instanceID}, kind}
	id, ok := t.s.objNames[k][name]
	if !ok || name == "" {
		return connectlocal.Object{}, notFound(string(kind), name)
	}
	return copyObject(t.s.objects[objKey{k.inst, kind, id}]), nil
}

func (t *tx) ListObjects(s connectlocal.Scope, instanceID string, kind connectlocal.ResourceKind, after connectlocal.Cursor, limit int) ([]connectlocal.Object, error) {
	k := kindKey{instKey{s, instanceID}, kind}
	x := t.s.objOrder[k]
	if x == nil {
		return nil, nil
	}
	var out []connectlocal.Object
	for i := x.after(after); i < len(x.items) && len(out) < limit; i++ {
		out = append(out, copyObject(t.s.objects[objKey{k.inst, kind, x.items[i].id}]))
	}
	return out, nil
}

func (t *tx) CountObjects(s connectlocal.Scope, instanceID string, kind connectlocal.ResourceKind) (int, error) {
	if x := t.s.objOrder[kindKey{instKey{s, instanceID}, kind}]; x != nil {
		return len(x.items), nil
	}
	return 0, nil
}

func (t *tx) PutObject(s connectlocal.Scope, o connectlocal.Object) error {
	if err := t.inInstance(s, o.InstanceID); err != nil {
		return err
	}
	k := kindKey{instKey{s, o.InstanceID}, o.Kind}
	ok := objKey{k.inst, o.Kind, o.ID}
	names := t.s.objNames[k]
	if names == nil {
		names = map[string]string{}
		setMap(t, t.s.objNames, k, names)
	}
	if other, taken := names[o.Name]; o.Name != "" && taken && other != o.ID {
		return connectlocal.Errorf(connectlocal.AlreadyExists, "%s name %s is taken", o.Kind, o.Name)
	}
	if old, had := t.s.objects[ok]; had {
		if old.Name != o.Name && old.Name != "" {
			delMap(t, names, old.Name)
		}
		if !old.CreatedTime.Equal(o.CreatedTime) {
			t.remove(indexOf(t.s.objOrder, k), entryOf(old.CreatedTime, o.ID))
			t.insert(indexOf(t.s.objOrder, k), entryOf(o.CreatedTime, o.ID))
		}
	} else {
		t.insert(indexOf(t.s.objOrder, k), entryOf(o.CreatedTime, o.ID))
	}
	if o.Name != "" {
		setMap(t, names, o.Name, o.ID)
	}
	setMap(t, t.s.objects, ok, copyObject(o))
	return nil
}

func (t *tx) DeleteObject(s connectlocal.Scope, instanceID string, kind connectlocal.ResourceKind, id string) error {
	if err := t.inInstance(s, instanceID); err != nil {
		return err
	}
	if _, ok := t.s.objects[objKey{instKey{s, instanceID}, kind, id}]; !ok {
		return notFound(string(kind), id)
	}
	t.deleteObject(s, objKey{instKey{s, instanceID}, kind, id})
	return nil
}

func (t *tx) deleteObject(s connectlocal.Scope, ok objKey) {
	o := t.s.objects[ok]
	k := kindKey{ok.inst, ok.kind}
	delMap(t, t.s.objects, ok)
	if o.Name != "" {
		if names := t.s.objNames[k]; names != nil {
			delMap(t, names, o.Name)
		}
	}
	t.remove(indexOf(t.s.objOrder, k), entryOf(o.CreatedTime, ok.id))
	delMap(t, t.s.tags, tagKey{s, s.ObjectARN(ok.inst.id, ok.kind, ok.id)})
}

// deleteObjects removes every routing object of the instance (DeleteInstance's cascade).
func (t *tx) deleteObjects(s connectlocal.Scope, k instKey) {
	for _, kind := range connectlocal.ObjectKinds {
		if x := t.s.objOrder[kindKey{k, kind}]; x != nil {
			for _, e := range slices.Clone(x.items) {
				t.deleteObject(s, objKey{k, kind, e.id})
			}
		}
	}
}
