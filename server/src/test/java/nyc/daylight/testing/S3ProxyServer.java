package nyc.daylight.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nyc.daylight.records.S3Settings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3Proxy (a real implementation of the S3 API over a directory) as its own Java process, started
 * once per test run from the jar the build copies to {@code target/s3proxy/} (property
 * {@code daylight.s3proxy.jar}). Tests reach it only through the S3 API, as they would MinIO or S3.
 */
public final class S3ProxyServer implements AutoCloseable {
    static final String ACCESS_KEY = "daylight-test";
    static final String SECRET_KEY = "daylight-test-secret";

    private final Process process;
    private final URI endpoint;
    private final Path root;
    private final List<String> output;

    private S3ProxyServer(Process process, URI endpoint, Path root, List<String> output) {
        this.process = process;
        this.endpoint = endpoint;
        this.root = root;
        this.output = output;
    }

    public static S3ProxyServer start() throws IOException, InterruptedException {
        String jar = System.getProperty("daylight.s3proxy.jar", "target/s3proxy/s3proxy.jar");
        if (!Files.exists(Path.of(jar))) {
            throw new IllegalStateException("No S3Proxy jar at " + jar + ": run the tests through mvn verify, which copies it there");
        }
        Path root = Files.createTempDirectory("daylight-s3proxy");
        Path data = Files.createDirectories(root.resolve("data"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        Path properties = root.resolve("s3proxy.properties");
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=" + endpoint,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=filesystem-nio2",
                "jclouds.identity=" + ACCESS_KEY,
                "jclouds.credential=" + SECRET_KEY,
                "jclouds.filesystem.basedir=" + data) + "\n");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx256m", "-jar", jar, "--properties", properties.toString())
                .redirectErrorStream(true).start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch started = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean listening = new java.util.concurrent.atomic.AtomicBoolean();
        Thread.ofPlatform().daemon().name("s3proxy-output").start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (output.size() < 200) output.add(line);
                    if (line.contains("Started ServerConnector")) {
                        listening.set(true);
                        started.countDown();
                    }
                }
            } catch (IOException e) {
                // The process ended; close() or the wait below reports it.
            }
            started.countDown();
        });
        S3ProxyServer server = new S3ProxyServer(p, endpoint, root, output);
        if (!started.await(120, TimeUnit.SECONDS) || !listening.get()) {
            server.close();
            throw new IllegalStateException("S3Proxy did not start:\n" + String.join("\n", output));
        }
        return server;
    }

    /** A new, empty bucket, and the settings that point Daylight at it. */
    public S3Settings newBucket(String name) {
        try (S3Client s3 = client()) {
            s3.createBucket(r -> r.bucket(name));
        }
        return new S3Settings(Optional.of(endpoint), name, "us-east-1", Optional.of(ACCESS_KEY), Optional.of(SECRET_KEY), true);
    }

    /** A client of its own, for a test to look into a bucket behind Daylight's back. */
    public S3Client client() {
        return S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).endpointOverride(endpoint)
                .region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY))).build();
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
