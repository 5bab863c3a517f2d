package nyc.daylight.web;

import nyc.daylight.core.Bundles;
import freemarker.core.HTMLOutputFormat;
import freemarker.ext.beans.BeansWrapper;
import freemarker.ext.beans.BeansWrapperBuilder;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import nyc.daylight.core.Formats;

/**
 * Renders the Freemarker templates of the {@code web/} module. Every template is HTML output
 * with auto-escaping on, whatever its extension, so a value can only reach the page unescaped
 * through an explicit {@code ?no_esc}. The base model every page needs (current path, language,
 * messages) is added here so handlers pass only their own data.
 */
public final class Templates implements FileRenderer {
    static final String TEMPLATE_ROOT = "/daylight/web/templates";

    private final Configuration freemarker;
    private final String assetVersion;
    private final Map<Locale, Formats> formats = new java.util.concurrent.ConcurrentHashMap<>();
    private final BeansWrapper beans = new BeansWrapperBuilder(Configuration.VERSION_2_3_34).build();

    private final boolean demo;

    public Templates(String assetVersion) {
        this(assetVersion, false);
    }

    /** @param demo the database holds synthetic demo data: every page says so */
    public Templates(String assetVersion, boolean demo) {
        this.assetVersion = assetVersion;
        this.demo = demo;
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setClassLoaderForTemplateLoading(Templates.class.getClassLoader(), TEMPLATE_ROOT);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setOutputEncoding("UTF-8");
        freemarker.setURLEscapingCharset("UTF-8");
        freemarker.setOutputFormat(HTMLOutputFormat.INSTANCE);
        freemarker.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setFallbackOnNullLoopVariable(false);
        freemarker.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
    }

    @Override
    public String render(String template, Map<String, ?> model, Context ctx) {
        Map<String, Object> all = new HashMap<>(baseModel(ctx));
        all.putAll(model);
        return renderText(template, all);
    }

    /** Renders a template that is not a page (a letter, an e-mail): no request, no base model. */
    public String renderText(String template, Map<String, ?> model) {
        ModelGuard.check(template, model);
        try {
            StringWriter out = new StringWriter();
            freemarker.getTemplate(template).process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Template " + template + " could not be read", e);
        } catch (TemplateException e) {
            throw new IllegalStateException("Template " + template + " failed: " + e.getMessage(), e);
        }
    }


    private Map<String, Object> baseModel(Context ctx) {
        Map<String, Object> base = pageModel(Language.of(ctx), ctx.path());
        WebSession.user(ctx).ifPresent(u -> base.put("user", u));
        String csrf = WebSession.csrf(ctx);
        if (csrf != null) base.put("csrf", csrf);
        String flash = WebSession.takeFlash(ctx);
        if (flash != null) base.put("flash", flash);
        return base;
    }

    /** What every page needs that depends only on its language and address (tests render pages with it). */
    Map<String, Object> pageModel(Locale locale, String path) {
        ResourceBundle bundle = Bundles.messages(locale);
        Map<String, Object> base = new HashMap<>();
        if (demo) base.put("demo", true);
        base.putAll(Map.of(
                "fmt", formats.computeIfAbsent(locale, Formats::new),
                "currentPath", path,
                "lang", locale.getLanguage(),
                "locale", locale,
                "dir", Language.rightToLeft(locale) ? "rtl" : "ltr",
                "languages", Language.choices(),
                "assetVersion", assetVersion,
                "msg", new PageMessages(bundle, locale, beans)));
        return base;
    }
}
