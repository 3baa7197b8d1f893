package vn.cong.system;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.function.Function;

/**
 * The few lines every repository would otherwise repeat around R2DBC: positional binds
 * ({@code $1, $2, …}) with typed nulls, row mapping inside the result, update counts.
 */
public final class Sql {

    private Sql() {
    }

    /** A null parameter of a given SQL type (R2DBC needs the type to bind a null). */
    public record Null(Class<?> type) {
    }

    public static Null nullOf(Class<?> type) {
        return new Null(type);
    }

    /** Binds a possibly-null value, naming its type for the null case. */
    public static Object orNull(Object value, Class<?> type) {
        return value == null ? new Null(type) : value;
    }

    /**
     * {@code " LIMIT n OFFSET m"} with the numbers written into the statement, not bound: with an OFFSET parameter
     * PostgreSQL judged every generic plan dearer than a custom one and planned the statement afresh each time
     * (load-tests/bench, 2026-12-05). Numbers only, so nothing a reader typed can become SQL.
     */
    public static String page(long limit, long offset) {
        if (limit < 0 || offset < 0) {
            throw new IllegalArgumentException("LIMIT " + limit + " OFFSET " + offset);
        }
        return " LIMIT " + limit + " OFFSET " + offset;
    }

    public static <T> Flux<T> query(Connection c, String sql, Function<Readable, T> mapper, Object... params) {
        return Flux.from(bind(c.createStatement(sql), params).execute())
                .concatMap(result -> result.map(mapper));
    }

    /**
     * The first row, reading the result to its end: cancelling a result mid-stream (as
     * {@code Flux.next()} does) can leave a pooled R2DBC connection unusable, so nothing here cancels.
     */
    public static <T> Mono<T> one(Connection c, String sql, Function<Readable, T> mapper, Object... params) {
        return first(query(c, sql, mapper, params));
    }

    /** The first element of a result, reading it to its end (see {@link #one}). */
    public static <T> Mono<T> first(Publisher<T> rows) {
        return Flux.from(rows).collectList().flatMap(list -> list.isEmpty() ? Mono.empty() : Mono.just(list.get(0)));
    }

    public static Mono<Long> update(Connection c, String sql, Object... params) {
        return Flux.from(bind(c.createStatement(sql), params).execute())
                .concatMap(Result::getRowsUpdated)
                .reduce(0L, Long::sum);
    }

    private static Statement bind(Statement statement, Object... params) {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                throw new IllegalArgumentException("Parameter $" + (i + 1) + " is null: use Sql.nullOf(type)");
            }
            if (p instanceof Null n) {
                statement.bindNull(i, n.type());
            } else {
                statement.bind(i, p);
            }
        }
        return statement;
    }
}
