package io.sandlot.internal.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;

/**
 * The tables of one session (or one stateless execution) in DuckDB, and the queries on them.
 *
 * <p><b>How the tables get in.</b> DuckDB cannot read the guest's in-memory tree, so {@link #refresh} copies each
 * new or changed table source into a private host directory (owner-only, made for this workspace), and a loading
 * connection reads the copy with DuckDB's reader for its format into a database file in the same directory, then
 * deletes the copy. The loading connection runs only SQL this class writes, and even so may read only that directory
 * ({@code allowed_directories}, {@code enable_external_access=false}, configuration locked). A table is reloaded only
 * when its source's fingerprint (size and modification time of the file) changed, so a warm session's next query
 * costs no loading.
 *
 * <p><b>Why the guest cannot write.</b> Queries run on a second database instance that opens that file
 * {@code READ_ONLY}: DuckDB itself refuses every change to the tables, whatever the syntax (a data-modifying CTE
 * included). Its configuration is locked at open: no external access (host files, {@code COPY ... TO},
 * {@code EXPORT}, {@code ATTACH}, URLs), no extension loading or installing, {@code threads=1}, the memory limit,
 * no temporary directory (nothing spills to disk). Each query gets its own connection (a {@code duplicate()}), closed
 * afterwards, so temporary objects a query makes end with it. A query string must be exactly one statement, as
 * DuckDB's own parser counts them ({@code json_serialize_sql}): the JDBC driver would run every statement of a
 * longer string.
 *
 * <p><b>What it does not bound.</b> Results are streamed and read only up to the row limit, because a materialised
 * result ignores DuckDB's memory limit; rows held in the JVM are bounded by the row limit and the execution's own
 * memory and output limits. The database file lives in the host's temporary directory and holds the session's
 * tables (bounded by the session's file quota and its inputs' size).
 *
 * <p>Not thread-safe for concurrent queries: a session runs one execution at a time.
 */
public final class SqlWorkspace implements AutoCloseable {

    /** The SQL state prefix of the refusals this class makes itself, for tests and logs. */
    static final String REFUSED = "refused: ";
    /** Where DuckDB's home and extension directories point: nowhere, instead of the host user's home. */
    private static final String NO_DIRECTORY = "/nonexistent";

    private final Path directory;
    private final Path database;
    private final long memoryLimitMb;
    /** The fingerprint of every loaded table, by key. */
    private final Map<String, String> loaded = new HashMap<>();
    /** Why sources could not be loaded, by key; named in the errors of queries. */
    private final Map<String, String> problems = new LinkedHashMap<>();
    private DuckDBConnection reader;
    private boolean closed;
    /** Tables loaded so far, reloads included. */
    private int loads;

    private SqlWorkspace(Path directory, long memoryLimitMb) {
        this.directory = directory;
        this.database = directory.resolve("tables.duckdb");
        this.memoryLimitMb = memoryLimitMb;
    }

    /** The DuckDB JDBC driver's version (its jar manifest's {@code Bundle-Version}), read without loading DuckDB. */
    public static String duckDbVersion() {
        try {
            java.net.URL jar = org.duckdb.DuckDBDriver.class.getProtectionDomain().getCodeSource().getLocation();
            try (java.util.jar.JarFile file = new java.util.jar.JarFile(Path.of(jar.toURI()).toFile())) {
                String version = file.getManifest() == null ? null
                        : file.getManifest().getMainAttributes().getValue("Bundle-Version");
                return version != null ? version : "unknown";
            }
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }

    private static volatile boolean engineLoaded;

    /**
     * Loads DuckDB's native library, once per process (the first time takes about a second: the driver extracts it
     * to the temporary directory); callers do this before a guest's clock starts, as a context is made before it.
     *
     * @throws SqlException if DuckDB cannot start on this host
     */
    public static void loadEngine() {
        if (engineLoaded) {
            return;
        }
        synchronized (SqlWorkspace.class) {
            if (!engineLoaded) {
                try (Connection ignored = DriverManager.getConnection("jdbc:duckdb:", new Properties())) {
                    engineLoaded = true;
                } catch (SQLException e) {
                    throw new SqlException("DuckDB cannot start: " + e.getMessage(), e);
                }
            }
        }
    }

    /**
     * A workspace with no tables yet.
     *
     * @param memoryLimitMb DuckDB's {@code memory_limit} for loading and for queries, in MiB; must be positive
     */
    public static SqlWorkspace open(long memoryLimitMb) {
        if (memoryLimitMb <= 0) {
            throw new IllegalArgumentException("memoryLimitMb must be > 0, was " + memoryLimitMb);
        }
        try {
            Path directory = Files.createTempDirectory("sandlot-sql-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            return new SqlWorkspace(directory, memoryLimitMb);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for SQL tables", e);
        }
    }

    /**
     * Makes the tables those of {@code sources}: loads new and changed ones, drops those gone. A source that cannot
     * be loaded (say, a malformed CSV) is skipped and named in the errors of later queries.
     *
     * @param cancelHook given a task that cancels the loading statement while one runs, then null
     * @throws SqlException if DuckDB fails outside any one table
     */
    public synchronized void refresh(List<TableSource> sources, Consumer<Runnable> cancelHook) {
        requireOpen();
        Map<String, TableSource> wanted = new LinkedHashMap<>();
        sources.forEach(source -> wanted.put(source.key(), source));
        boolean changed = reader == null || !loaded.keySet().equals(wanted.keySet())
                || wanted.values().stream().anyMatch(s -> !s.fingerprint().equals(loaded.get(s.key())));
        if (!changed) {
            return;
        }
        closeReader();
        try (Connection loader = DriverManager.getConnection("jdbc:duckdb:" + database, loaderProperties());
                Statement statement = loader.createStatement()) {
            statement.execute("SET allowed_directories = [" + literal(directory + "/") + "]");
            statement.execute("SET enable_external_access = false");
            statement.execute("SET lock_configuration = true");
            dropAliases(statement);
            for (String key : List.copyOf(loaded.keySet())) {
                if (!wanted.containsKey(key)) {
                    statement.execute("DROP TABLE IF EXISTS " + identifier(key));
                    loaded.remove(key);
                    problems.remove(key);
                }
            }
            for (TableSource source : wanted.values()) {
                if (!source.fingerprint().equals(loaded.get(source.key()))) {
                    load(loader, source, cancelHook);
                }
            }
            for (TableSource source : wanted.values()) {
                if (source.alias() != null && loaded.containsKey(source.key()) && !problems.containsKey(source.key())) {
                    statement.execute("CREATE VIEW " + identifier(source.alias()) + " AS SELECT * FROM "
                            + identifier(source.key()));
                }
            }
        } catch (SQLException e) {
            throw new SqlException(e.getMessage(), e);
        }
        reader = openReader();
    }

    /** Loads one table with a statement of its own: DuckDB's driver closes a statement that failed. */
    private void load(Connection loader, TableSource source, Consumer<Runnable> cancelHook) throws SQLException {
        Path copy = directory.resolve("source" + source.format().extension());
        loads++;
        try (Statement statement = loader.createStatement(); Cancellation cancellation = new Cancellation(statement)) {
            Files.write(copy, source.content().read());
            cancelHook.accept(cancellation);
            statement.execute("CREATE OR REPLACE TABLE " + identifier(source.key()) + " AS SELECT * FROM "
                    + source.format().reader(literal(copy.toString())));
            problems.remove(source.key());
        } catch (Exception e) {
            try (Statement drop = loader.createStatement()) {
                drop.execute("DROP TABLE IF EXISTS " + identifier(source.key()));
            }
            problems.put(source.key(), firstLine(e.getMessage()));
        } finally {
            cancelHook.accept(null);
            try {
                Files.deleteIfExists(copy);
            } catch (IOException ignored) {
                // the directory goes with the workspace
            }
        }
        loaded.put(source.key(), source.fingerprint());
    }

    private static void dropAliases(Statement statement) throws SQLException {
        List<String> views = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("SELECT view_name FROM duckdb_views() WHERE NOT internal")) {
            while (rs.next()) {
                views.add(rs.getString(1));
            }
        }
        for (String view : views) {
            statement.execute("DROP VIEW " + identifier(view));
        }
    }

    /** How many tables were loaded so far, reloads included: what a refresh with nothing changed does not add to. */
    synchronized int loadCount() {
        return loads;
    }

    /**
     * Runs one read-only query.
     *
     * @param params values for the query's {@code ?} or {@code $1} placeholders: null, booleans, numbers, strings
     * @param maxRows rows to keep; a result with more is cut and marked truncated; 0 keeps every row
     * @param cancelHook given a task that cancels the query while it runs, then null
     * @throws SqlException with DuckDB's message, or why the query was refused
     */
    public synchronized SqlResult query(String sql, List<?> params, long maxRows, Consumer<Runnable> cancelHook) {
        return run(sql, params, maxRows, cancelHook, true);
    }

    /**
     * Runs {@code sql} without the one-statement check, so that tests can show that the engine's lock and read-only
     * database hold on their own (a string of several statements runs them all here).
     */
    synchronized SqlResult runUnchecked(String sql, List<?> params, long maxRows) {
        return run(sql, params, maxRows, cancel -> { }, false);
    }

    private SqlResult run(String sql, List<?> params, long maxRows, Consumer<Runnable> cancelHook, boolean check) {
        requireOpen();
        if (reader == null) {
            refresh(List.of(), cancelHook);
        }
        try (DuckDBConnection connection = reader.duplicate()) {
            if (check) {
                requireOneStatement(connection, sql);
            }
            try (PreparedStatement statement = connection.prepareStatement(sql);
                    Cancellation cancellation = new Cancellation(statement)) {
                bind(statement, params);
                cancelHook.accept(cancellation);
                try {
                    if (!statement.execute()) {
                        return new SqlResult(List.of(), List.of(), false);
                    }
                    try (ResultSet rs = statement.getResultSet()) {
                        return read(rs, maxRows);
                    }
                } catch (SQLException e) {
                    if (cancellation.requested()) {
                        throw new SqlException("the query was cancelled", e);
                    }
                    if (!String.valueOf(e.getMessage()).contains(OPAQUE_STREAM_ERROR)) {
                        throw e;
                    }
                    throw new SqlException(withProblems(diagnose(sql, params, cancelHook)), e);
                } finally {
                    cancelHook.accept(null);
                }
            }
        } catch (SQLException e) {
            throw new SqlException(withProblems(message(e.getMessage())), e);
        }
    }

    /** What DuckDB's JDBC driver says of any error raised while a streamed result is fetched: not the reason. */
    private static final String OPAQUE_STREAM_ERROR = "Invalid result set";

    /**
     * The reason a streamed query failed, which DuckDB's driver does not pass on: the query runs again on a second,
     * unstreamed instance of the same database (opened READ_ONLY with the same locked configuration, through a hard
     * link, since DuckDB refuses one file under two configurations), folded into one row ({@code max(hash(row))},
     * which computes every column but materialises no rows), and that run's error is the reason. The instance is
     * closed at once; the same cancel hook stops it.
     */
    private String diagnose(String sql, List<?> params, Consumer<Runnable> cancelHook) {
        String wrapped = "SELECT max(hash(sandlot_row)) FROM (\n" + stripTrailingSemicolons(sql) + "\n) sandlot_row";
        Path link = directory.resolve("diagnostics.duckdb");
        try {
            if (!Files.exists(link)) {
                Files.createLink(link, database);
            }
            Properties properties = lockedProperties();
            properties.setProperty("duckdb.read_only", "true");
            try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + link, properties)) {
                requireOneStatement(connection, wrapped);
                try (PreparedStatement statement = connection.prepareStatement(wrapped);
                        Cancellation cancellation = new Cancellation(statement)) {
                    bind(statement, params);
                    cancelHook.accept(cancellation);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                    }
                }
            }
        } catch (SQLException | SqlException e) {
            return message(e.getMessage());
        } catch (IOException | RuntimeException e) {
            // no diagnosis; the generic message below
        }
        return "the query failed while its rows were read, and DuckDB gave no reason (often its memory_limit)";
    }

    private static String stripTrailingSemicolons(String sql) {
        String text = sql.strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }

    private static SqlResult read(ResultSet rs, long maxRows) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int count = meta.getColumnCount();
        List<SqlResult.Column> columns = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            columns.add(new SqlResult.Column(meta.getColumnName(i), meta.getColumnTypeName(i)));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
            if (maxRows > 0 && rows.size() == maxRows) {
                return new SqlResult(columns, rows, true);
            }
            List<Object> row = new ArrayList<>(count);
            for (int i = 1; i <= count; i++) {
                row.add(SqlValues.toJson(rs.getObject(i)));
            }
            rows.add(row);
        }
        return new SqlResult(columns, rows, false);
    }

    /**
     * Refuses a string that DuckDB's parser reads as more than one statement, or as a statement that is not a query
     * (DuckDB serialises only queries: {@code SELECT}, {@code FROM}, {@code WITH}, {@code VALUES}, {@code DESCRIBE},
     * {@code SUMMARIZE}, {@code SHOW}...). A syntax error is left to the prepare that follows, which parses the whole
     * string before running any of it.
     */
    private static void requireOneStatement(Connection connection, String sql) throws SQLException {
        try (PreparedStatement parse = connection.prepareStatement("SELECT json_extract(j, '$.error')::BOOLEAN, "
                + "json_array_length(j, '$.statements'), json_extract_string(j, '$.error_type'), "
                + "json_extract_string(j, '$.error_message') FROM (SELECT json_serialize_sql(?::VARCHAR) AS j)")) {
            parse.setString(1, sql);
            try (ResultSet rs = parse.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    long statements = rs.getLong(2);
                    if (statements != 1) {
                        throw new SqlException(REFUSED + "the SQL holds " + statements
                                + " statements; send exactly one query");
                    }
                } else if (!"parser".equals(rs.getString(3))) {
                    throw new SqlException(REFUSED + "only a single read-only query (SELECT, WITH, FROM, VALUES, "
                            + "DESCRIBE, SUMMARIZE, SHOW) is accepted (" + rs.getString(4) + ")");
                }
            }
        }
    }

    private static void bind(PreparedStatement statement, List<?> params) throws SQLException {
        int expected = statement.getParameterMetaData().getParameterCount();
        if (params.size() != expected) {
            throw new SqlException("the query has " + expected + " parameter(s), " + params.size() + " given");
        }
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            switch (value) {
                case null -> statement.setObject(i + 1, null);
                case String s -> statement.setString(i + 1, s);
                case Boolean b -> statement.setBoolean(i + 1, b);
                case Long l -> statement.setLong(i + 1, l);
                case Integer n -> statement.setLong(i + 1, n);
                case Double d -> statement.setDouble(i + 1, d);
                case BigInteger big -> statement.setBigDecimal(i + 1, new java.math.BigDecimal(big));
                default -> throw new SqlException("parameter " + (i + 1) + " must be null, a boolean, a number or a "
                        + "string, was " + value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    private String withProblems(String message) {
        if (problems.isEmpty()) {
            return message;
        }
        StringBuilder text = new StringBuilder(message).append(" (tables not loaded:");
        problems.forEach((key, problem) -> text.append(' ').append(key).append(": ").append(problem).append(';'));
        text.setLength(text.length() - 1);
        return text.append(')').toString();
    }

    private Properties loaderProperties() {
        Properties properties = lockedProperties();
        properties.remove("lock_configuration");     // set after allowed_directories, above
        properties.remove("enable_external_access");
        return properties;
    }

    private DuckDBConnection openReader() {
        Properties properties = lockedProperties();
        properties.setProperty("duckdb.read_only", "true");
        properties.setProperty("jdbc_stream_results", "true");
        try {
            return (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + database, properties);
        } catch (SQLException e) {
            throw new SqlException(e.getMessage(), e);
        }
    }

    private Properties lockedProperties() {
        Properties properties = new Properties();
        properties.setProperty("enable_external_access", "false");
        properties.setProperty("autoload_known_extensions", "false");
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("allow_community_extensions", "false");
        properties.setProperty("memory_limit", memoryLimitMb + "MB");
        properties.setProperty("threads", "1");
        properties.setProperty("temp_directory", "");
        properties.setProperty("max_temp_directory_size", "0B");
        // DuckDB derives these from the host user's home and names them in errors (duckdb_extensions())
        properties.setProperty("home_directory", NO_DIRECTORY);
        properties.setProperty("extension_directory", NO_DIRECTORY);
        properties.setProperty("lock_configuration", "true");
        return properties;
    }

    /**
     * Stops one statement when run. DuckDB forgets a cancel that arrives before the statement has started executing
     * (a stop can come just after the statement was handed over), so once asked, it cancels again every
     * {@link #RETRY_MS} ms until the statement's owner closes it, when the statement has returned.
     */
    private static final class Cancellation implements Runnable, AutoCloseable {
        private static final long RETRY_MS = 20;

        private final Statement statement;
        private final AtomicBoolean requested = new AtomicBoolean();
        private volatile boolean done;

        Cancellation(Statement statement) {
            this.statement = statement;
        }

        @Override
        public void run() {
            if (requested.compareAndSet(false, true)) {
                Thread.ofVirtual().name("sandlot-sql-cancel").start(() -> {
                    while (!done) {
                        cancel(statement);
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(RETRY_MS));
                    }
                });
            }
        }

        /** Whether a stop was asked for. */
        boolean requested() {
            return requested.get();
        }

        @Override
        public void close() {
            done = true;
        }

        private static void cancel(Statement statement) {
            try {
                statement.cancel();
            } catch (SQLException ignored) {
                // the statement finished or closed meanwhile
            }
        }
    }

    static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message);
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** DuckDB's message without surrounding blank lines; the caret lines that point into the query stay. */
    private static String message(String message) {
        return String.valueOf(message).strip();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the SQL workspace is closed");
        }
    }

    private void closeReader() {
        if (reader != null) {
            try {
                reader.close();
            } catch (SQLException ignored) {
                // closing an in-process database only frees it
            }
            reader = null;
        }
    }

    /** Closes the database and deletes its directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeReader();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
