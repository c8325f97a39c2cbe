//! The one rule for a web address Premiers Pas shows, stores or opens: `http` or `https`, with a host, no
//! user name or password in it (`https://user:pw@…` hides the real host from a reader and sends
//! credentials), and at most [`MAX_URL_LEN`] characters both as written and once encoded (what is
//! stored, shown and opened is the encoded form: `é` takes six). Packs (validation), the directory (every
//! value read from a ChatonsInfos file) and the desktop shell (before handing a link to the browser) all
//! use [`web_url`], and the address it returns passes it again, so an address that passes one of them
//! passes all three.

pub use url::Url;

/// Longest address accepted (a real page's address is far shorter).
pub const MAX_URL_LEN: usize = 2048;

/// Why an address is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlProblem {
    /// Not a URL at all (`example.org`, `https://exa mple.org`, `http://`).
    Invalid,
    /// A URL, but not a web one (`javascript:`, `file:`, `ftp:`, `mailto:`…).
    Scheme,
    /// A web URL without a host (`http:///path` has none once parsed… or an empty one).
    NoHost,
    /// A user name or password before the host.
    Credentials,
    /// Longer than [`MAX_URL_LEN`], as written or once encoded.
    TooLong,
}

impl UrlProblem {
    /// The stable code (the directory's refresh report: `url_scheme`, `url_invalid`,
    /// `url_credentials`, `url_too_long`).
    pub fn reason(self) -> &'static str {
        match self {
            UrlProblem::Invalid | UrlProblem::NoHost => "url_invalid",
            UrlProblem::Scheme => "url_scheme",
            UrlProblem::Credentials => "url_credentials",
            UrlProblem::TooLong => "url_too_long",
        }
    }

    /// Why, in English, for a pack's author.
    pub fn message(self) -> &'static str {
        match self {
            UrlProblem::Invalid => "it is not a complete web address (https://…)",
            UrlProblem::Scheme => "only http:// and https:// links are allowed",
            UrlProblem::NoHost => "it has no host name",
            UrlProblem::Credentials => "it contains a user name or password (`user:password@`)",
            UrlProblem::TooLong => "it is too long (at most 2048 characters)",
        }
    }
}

impl UrlProblem {
    /// Why, in French, for a pack's author.
    pub fn message_fr(self) -> &'static str {
        match self {
            UrlProblem::Invalid => "ce n’est pas une adresse web complète (https://…)",
            UrlProblem::Scheme => "seuls les liens http:// et https:// sont acceptés",
            UrlProblem::NoHost => "il lui manque un nom de site",
            UrlProblem::Credentials => {
                "elle contient un identifiant ou un mot de passe (`nom:mot-de-passe@`)"
            }
            UrlProblem::TooLong => "elle est trop longue (2 048 caractères au plus)",
        }
    }
}

impl std::fmt::Display for UrlProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message())
    }
}

/// The address, parsed, if it follows the rule of the module documentation. Blanks around it are ignored.
pub fn web_url(raw: &str) -> Result<Url, UrlProblem> {
    let raw = raw.trim();
    if raw.chars().count() > MAX_URL_LEN {
        return Err(UrlProblem::TooLong);
    }
    let url = Url::parse(raw).map_err(|e| match e {
        url::ParseError::EmptyHost => UrlProblem::NoHost,
        _ => UrlProblem::Invalid,
    })?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(UrlProblem::Scheme);
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(UrlProblem::NoHost);
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(UrlProblem::Credentials);
    }
    // The encoded form is what is kept and checked again: it must pass too.
    if url.as_str().len() > MAX_URL_LEN {
        return Err(UrlProblem::TooLong);
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_pass() {
        for (raw, parsed) in [
            ("https://www.chatons.org/", "https://www.chatons.org/"),
            ("http://example.org", "http://example.org/"),
            ("HTTPS://Example.ORG/a?b=c#d", "https://example.org/a?b=c#d"),
            ("  https://f-droid.org/  ", "https://f-droid.org/"),
            ("https://127.0.0.1:8080/x", "https://127.0.0.1:8080/x"),
            ("https://[::1]/", "https://[::1]/"),
            ("https://localhost/", "https://localhost/"),
            ("https://exemple.fr/un chemin", "https://exemple.fr/un%20chemin"),
            ("https://example.org/@someone", "https://example.org/@someone"),
        ] {
            assert_eq!(web_url(raw).map(String::from), Ok(parsed.to_owned()), "{raw}");
        }
        let longest = format!("https://example.org/{}", "a".repeat(MAX_URL_LEN - 20));
        assert_eq!(longest.len(), MAX_URL_LEN);
        assert!(web_url(&longest).is_ok());
    }

    #[test]
    fn everything_else_is_refused_with_its_reason() {
        use UrlProblem::*;
        for (raw, problem) in [
            ("", Invalid),
            ("example.org", Invalid),
            ("www.example.org/page", Invalid),
            ("//example.org", Invalid),
            ("https://exa mple.org", Invalid),
            ("http://", NoHost),
            ("https://", NoHost),
            ("https://:443/", NoHost),
            ("javascript:alert(1)", Scheme),
            ("JavaScript:alert(1)", Scheme),
            ("file:///etc/passwd", Scheme),
            ("data:text/html,<script>alert(1)</script>", Scheme),
            ("ftp://example.org/", Scheme),
            ("mailto:contact@example.org", Scheme),
            ("tauri://localhost/", Scheme),
            ("https://user:secret@example.org/", Credentials),
            ("https://user@example.org/", Credentials),
            ("https://:secret@example.org/", Credentials),
            ("http://good.example@evil.example/", Credentials),
        ] {
            assert_eq!(web_url(raw).map(String::from), Err(problem), "{raw}");
        }
        let long = format!("https://example.org/{}", "a".repeat(MAX_URL_LEN));
        assert_eq!(web_url(&long), Err(TooLong));
        // Short as written, six times longer once encoded: what would be stored could not pass again.
        let encoded_long = format!("https://example.org/{}", "é".repeat(1000));
        assert!(encoded_long.chars().count() < MAX_URL_LEN);
        assert_eq!(web_url(&encoded_long), Err(TooLong));
        assert_eq!(web_url(&format!("https://example.org/a{}b", " ".repeat(700))), Err(TooLong));
    }

    proptest::proptest! {
        /// What passes, once encoded, passes again as itself: the directory stores the encoded form and
        /// checks it before saving, and the shell checks it again before opening it.
        #[test]
        fn an_address_that_passes_passes_again(
            path in "[a-zé \"<>{}%/?#=&.]{0,900}",
            host in "(example\\.org|exâmple\\.fr|[a-z]{1,20}\\.[a-z]{2,3})",
        ) {
            let raw = format!("https://{host}/{path}");
            if let Ok(url) = web_url(&raw) {
                proptest::prop_assert_eq!(web_url(url.as_str()), Ok(url.clone()));
                proptest::prop_assert!(url.as_str().len() <= MAX_URL_LEN);
            }
        }
    }

    #[test]
    fn reasons_are_stable_codes() {
        assert_eq!(UrlProblem::Scheme.reason(), "url_scheme");
        assert_eq!(UrlProblem::Invalid.reason(), "url_invalid");
        assert_eq!(UrlProblem::NoHost.reason(), "url_invalid");
        assert_eq!(UrlProblem::Credentials.reason(), "url_credentials");
        assert_eq!(UrlProblem::TooLong.reason(), "url_too_long");
    }
}
