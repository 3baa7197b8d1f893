package vn.cong.system;

import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.ThreadPropagatedContextElement;
import org.slf4j.MDC;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every log line written for a request or a job carries in the MDC ({@code requestId}, {@code tenant},
 * {@code job}), carried across threads by Micronaut's propagated context like its {@code MdcPropagationContext}, but
 * cheaper: Reactor's automatic context propagation enters and leaves the context on every signal, and
 * {@code MdcPropagationContext} copies the thread's whole MDC map twice on entering and once on leaving (about 4 % of
 * the CPU of a rendered page, load-tests/bench 2026-12-06). These tags set only their own keys, and on a thread that
 * already carries the same values (a request going on on the thread it ran on) touch nothing at all. Leaving
 * puts back what each key was before, so a pooled thread never keeps a tag.
 */
public final class LogTags implements ThreadPropagatedContextElement<String[]> {

    /** Nothing was changed on entering: nothing to put back. */
    private static final String[] UNCHANGED = new String[0];
    /** Marks a key that was absent before entering. */
    private static final String ABSENT = new String("absent");

    private final String[] keys;
    private final String[] values;

    private LogTags(String[] keys, String[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** One tag. */
    public static LogTags of(String key, String value) {
        return new LogTags(new String[] {key}, new String[] {value});
    }

    /** These tags with {@code key} set to {@code value} (added, or replacing its earlier value). */
    public LogTags with(String key, String value) {
        int at = Arrays.asList(keys).indexOf(key);
        if (at >= 0) {
            String[] changed = values.clone();
            changed[at] = value;
            return new LogTags(keys, changed);
        }
        String[] k = Arrays.copyOf(keys, keys.length + 1);
        String[] v = Arrays.copyOf(values, values.length + 1);
        k[keys.length] = key;
        v[values.length] = value;
        return new LogTags(k, v);
    }

    /** {@code context} with {@code key} tagged as {@code value}, merged into the tags it already carries. */
    public static PropagatedContext tag(PropagatedContext context, String key, String value) {
        MutablePropagatedContext tagged = MutablePropagatedContext.of(context);
        tag(tagged, key, value);
        return tagged.getContext();
    }

    /** The same, on a request's context as a server filter gets it. */
    public static void tag(MutablePropagatedContext context, String key, String value) {
        context.getContext().find(LogTags.class).ifPresentOrElse(
                current -> context.replace(current, current.with(key, value)),
                () -> context.add(of(key, value)));
    }

    /** The tags as a map (tests, diagnostics). */
    public Map<String, String> asMap() {
        Map<String, String> map = new TreeMap<>();
        for (int i = 0; i < keys.length; i++) {
            map.put(keys[i], values[i]);
        }
        return map;
    }

    @Override
    public String[] updateThreadContext() {
        String[] before = UNCHANGED;
        for (int i = 0; i < keys.length; i++) {
            String current = MDC.get(keys[i]);
            if (values[i].equals(current)) {
                continue;
            }
            if (before == UNCHANGED) {
                before = new String[keys.length];
            }
            before[i] = current == null ? ABSENT : current;
            MDC.put(keys[i], values[i]);
        }
        return before;
    }

    @Override
    public void restoreThreadContext(String[] before) {
        if (before == null || before == UNCHANGED) {
            return;
        }
        for (int i = 0; i < keys.length; i++) {
            String was = before[i];
            if (was == null) {
                continue; // this key was not changed on entering
            }
            if (was == ABSENT) {
                MDC.remove(keys[i]);
            } else {
                MDC.put(keys[i], was);
            }
        }
    }

    @Override
    public String toString() {
        return "LogTags" + asMap();
    }
}
