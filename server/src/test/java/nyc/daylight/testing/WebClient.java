package nyc.daylight.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A browser-like HTTP client: keeps cookies and sends the CSRF token with every form, as pages do. */
public final class WebClient {
    private final String base;
    private final CookieManager cookies;
    private final HttpClient http;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public WebClient(RunningApp app) {
        this(app.baseUrl());
    }

    /** A client of a portal running elsewhere, e.g. in another process. */
    public WebClient(String baseUrl) {
        this(baseUrl, new CookieManager());
    }

    private WebClient(String baseUrl, CookieManager cookies) {
        this.base = baseUrl;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The same browser (its cookies) talking to another node of the portal, as a load balancer would send it. */
    public WebClient at(RunningApp node) {
        return new WebClient(node.baseUrl(), cookies);
    }

    /** The same browser talking to a node at {@code baseUrl} (another process, or a proxy in front of the nodes). */
    public WebClient at(String baseUrl) {
        return new WebClient(baseUrl, cookies);
    }

    /** Sends this header with every later request, as a proxy in front of the portal would add it. */
    public WebClient header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        headers.forEach(b::header);
        return b;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET whose body is bytes (an image, a file), with this client's cookies. */
    public HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts a form with the current CSRF token, as a page rendered by Daylight would. */
    public HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        if (cookie("daylight_csrf").isEmpty()) get("/");
        Map<String, String> all = new LinkedHashMap<>();
        all.put("_csrf", cookie("daylight_csrf").orElseThrow());
        all.putAll(form);
        return postRaw(path, all);
    }

    /**
     * Like {@link #post}, for forms that repeat a field: a key "name#n" is sent as "name", so
     * {@code agencies#0=doc, agencies#1=nypd} posts two agencies.
     */
    public HttpResponse<String> postMulti(String path, Map<String, String> form) throws IOException, InterruptedException {
        if (cookie("daylight_csrf").isEmpty()) get("/");
        StringBuilder body = new StringBuilder("_csrf=").append(cookie("daylight_csrf").orElseThrow());
        form.forEach((k, v) -> body.append('&').append(URLEncoder.encode(k.contains("#") ? k.substring(0, k.indexOf('#')) : k,
                StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return http.send(request(path)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a multipart form with one file, as a browser's file input does. */
    public HttpResponse<String> postFile(String path, Map<String, String> fields, String fileField, String filename,
                                         byte[] content) throws IOException, InterruptedException {
        if (cookie("daylight_csrf").isEmpty()) get("/");
        String boundary = "----daylight" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("_csrf", cookie("daylight_csrf").orElseThrow());
        all.putAll(fields);
        for (Map.Entry<String, String> e : all.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                    + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(request(path)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts exactly these fields: no CSRF token unless given. */
    public HttpResponse<String> postRaw(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(request(path)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    /** The composer's form as a person submits it, with the key of a freshly opened composer; add or change fields before posting. */
    public Map<String, String> composerForm(String title, String description, String... agencies) throws IOException, InterruptedException {
        java.util.regex.Matcher key = java.util.regex.Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]*)\"")
                .matcher(get("/requests/new").body());
        if (!key.find()) throw new AssertionError("No composer form");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("idempotencyKey", key.group(1));
        form.put("title", title);
        form.put("description", description);
        form.put("format", "ELECTRONIC");
        form.put("action", "submit");
        for (int i = 0; i < agencies.length; i++) form.put("agencies#" + i, agencies[i]);
        return form;
    }

    /** Files a request through the composer as a person would; returns the numbers created, in agency order. */
    public java.util.List<String> fileRequest(String title, String... agencies) throws IOException, InterruptedException {
        Map<String, String> form = composerForm(title, "All records of communications with ICE about people in city custody, 2025 to date.", agencies);
        HttpResponse<String> r = postMulti("/requests", form);
        if (r.statusCode() != 302) throw new AssertionError("Filing failed: " + r.statusCode() + " " + r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        if (location.startsWith("/requests/")) return java.util.List.of(location.substring("/requests/".length()));
        String filing = location.substring(location.indexOf('#') + 1);
        String me = get("/me").body();
        String section = me.substring(me.indexOf("id=\"" + filing + "\""));
        section = section.substring(0, section.indexOf("</section>"));
        java.util.List<String> numbers = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("DL-\\d{4}-\\d{6}").matcher(section);
        while (m.find()) if (!numbers.contains(m.group())) numbers.add(m.group());
        // Numbers are given in the order the agencies were chosen.
        java.util.Collections.sort(numbers);
        return numbers;
    }

    /** Creates a personal API token on /me/tokens as a person would; returns its secret, which the page shows once. */
    public String createToken(String name, String scope) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/me/tokens", Map.of("name", name, "scope", scope));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"token-secret\"[^>]*value=\"(dl_[^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 201 || !m.find()) throw new AssertionError("No token created: " + r.statusCode() + " " + r.body());
        return m.group(1);
    }

    /**
     * Opens an e-mailed confirmation link and presses its button, as a person does (the link alone
     * signs nobody in); returns the answer to the button's POST, or the page if it had no button.
     */
    public HttpResponse<String> confirm(String link) throws IOException, InterruptedException {
        HttpResponse<String> page = get(link);
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"token\" value=\"([^\"]*)\"").matcher(page.body());
        if (page.statusCode() != 200 || !token.find()) return page;
        return post("/verify", Map.of("token", token.group(1)));
    }

    public void signIn(String email, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/signin", Map.of("email", email, "password", password));
        if (r.statusCode() != 302) throw new AssertionError("Sign-in failed: " + r.statusCode() + " " + r.body());
    }
}
