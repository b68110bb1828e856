package io.banshi.workflows.templates;

/**
 * A template in the list analysts see.
 *
 * @param key the template key
 * @param name its name in Chinese
 * @param nameEn its name in English
 * @param latestVersion its highest version, draft or not
 * @param publishedVersion its highest published version, or 0 when none is
 */
public record TemplateSummary(String key, String name, String nameEn, int latestVersion, int publishedVersion) {

}
