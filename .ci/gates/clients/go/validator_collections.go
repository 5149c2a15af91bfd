// Added by .ci/gates/clients.sh to Debian's copy of gopkg.in/validator.v2.
//
// The generated go.mod requires validator v2.0.1, whose Validate walks pointers, slices,
// arrays and maps and accepts any other value with nothing to check. Debian packages a 2016
// snapshot whose Validate returns ErrUnsupported for anything but a struct, so every generated
// oneOf decoder with a string or array branch (`content`, `input`) fails. The Go proxy is not
// reachable from CI, so the gate gives the snapshot that behaviour instead: Validate sends
// values that are not structs here.

package validator

import (
	"fmt"
	"reflect"
)

// validateOther validates the structs inside a value that is not a struct itself, keyed by
// their place in it. Validate comes back here for every element that is no struct, so scalars
// and nil pointers end in the default case: nothing to validate.
func (mv *Validator) validateOther(v reflect.Value) error {
	m := make(ErrorMap)
	add := func(place string, inner reflect.Value) {
		switch err := mv.Validate(inner.Interface()).(type) {
		case nil:
		case ErrorMap:
			for field, errs := range err {
				m[place+"."+field] = errs
			}
		default:
			m[place] = ErrorArray{err}
		}
	}
	switch v.Kind() {
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			add(fmt.Sprintf("[%d]", i), v.Index(i))
		}
	case reflect.Map:
		for _, key := range v.MapKeys() {
			add(fmt.Sprintf("[%v]", key.Interface()), v.MapIndex(key))
		}
	}
	if len(m) > 0 {
		return m
	}
	return nil
}
