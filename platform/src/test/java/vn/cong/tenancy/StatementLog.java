package vn.cong.tenancy;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * For tests that count what goes over the wire: wraps the platform's pool, and as a {@link ConnectionTap} each
 * tenant connection, so that every statement text any caller (our SQL or a Micronaut Data repository) creates on a
 * connection is recorded, in order.
 * On only when {@code cong.test.statement-log} is true.
 */
@Singleton
@Requires(property = "cong.test.statement-log", value = "true")
class StatementLog implements BeanCreatedEventListener<ConnectionFactory>, ConnectionTap {

    private final List<String> statements = new CopyOnWriteArrayList<>();
    private volatile ConnectionFactory pool;

    @Override
    public ConnectionFactory onCreated(BeanCreatedEvent<ConnectionFactory> event) {
        pool = event.getBean();
        return (ConnectionFactory) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{ConnectionFactory.class},
                (proxy, method, args) -> {
                    Object result = invoke(pool, method, args);
                    return method.getName().equals("create") ? Mono.from((org.reactivestreams.Publisher<?>) result).map(c -> recording((Connection) c)) : result;
                });
    }

    @Override
    public Connection tap(Connection connection) {
        return recording(connection);
    }

    private Connection recording(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("createStatement")) {
                        statements.add((String) args[0]);
                    }
                    return invoke(connection, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The pool behind the recording wrapper. */
    ConnectionFactory pool() {
        return pool;
    }

    List<String> statements() {
        return List.copyOf(statements);
    }

    void clear() {
        statements.clear();
    }
}
