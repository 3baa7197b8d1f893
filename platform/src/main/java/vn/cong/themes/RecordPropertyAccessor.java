package vn.cong.themes;

import ognl.ObjectPropertyAccessor;
import ognl.OgnlContext;
import ognl.OgnlException;
import ognl.OgnlRuntime;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How template expressions read a record's component ({@code site.name} calls {@code name()}): the method OGNL itself
 * would call, found once per record class and name. OGNL caches bean getters ({@code getName()}) but looks up any
 * other reading method, which is what a record's accessor is, by walking all the class's methods on every
 * evaluation: half of the expression time of a public page. Access checks, invocation and the fallback (a field,
 * or no such property) stay OGNL's own.
 */
final class RecordPropertyAccessor extends ObjectPropertyAccessor {

    private static final Object[] NO_ARGUMENTS = new Object[0];

    private final ClassValue<Map<String, Optional<Method>>> readers = new ClassValue<>() {
        @Override
        protected Map<String, Optional<Method>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /** Makes OGNL read every record through this accessor (OGNL's accessors are registered process-wide). */
    static void register() {
        OgnlRuntime.setPropertyAccessor(Record.class, new RecordPropertyAccessor());
    }

    @Override
    public Object getPossibleProperty(Map context, Object target, String name) throws OgnlException {
        Method reader = reader((OgnlContext) context, target.getClass(), name);
        if (reader == null || !((OgnlContext) context).getMemberAccess().isAccessible(context, target, reader, name)) {
            return super.getPossibleProperty(context, target, name);
        }
        try {
            return OgnlRuntime.invokeMethod(target, reader, NO_ARGUMENTS);
        } catch (InvocationTargetException e) {
            throw new OgnlException(name, e.getTargetException());
        } catch (IllegalAccessException e) {
            throw new OgnlException(name, e);
        }
    }

    /** As {@code OgnlRuntime.getMethodValue} chooses: the bean getter, else a reading method of that name; null when none. */
    private Method reader(OgnlContext context, Class<?> type, String name) throws OgnlException {
        Map<String, Optional<Method>> known = readers.get(type);
        Optional<Method> found = known.get(name);
        if (found == null) {
            try {
                Method getter = OgnlRuntime.getGetMethod(context, type, name);
                found = Optional.ofNullable(getter != null ? getter : OgnlRuntime.getReadMethod(type, name, null));
            } catch (java.beans.IntrospectionException e) {
                throw new OgnlException(name, e);
            }
            known.put(name, found);
        }
        return found.orElse(null);
    }
}
