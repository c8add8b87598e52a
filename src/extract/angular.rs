//! Angular components: templates (`*.component.html`, or an inline `template:` in the
//! component's `.ts`) with their `(event)` handlers, `[(ngModel)]` / `formControlName` /
//! `[formControl]` bindings and `{{ … }}` interpolations.

use super::html::{match_js_bracket, scan_markup, skip_js_string, Markup, MarkupDialect};
use super::{BlockKind, Extracted, Lang, ScriptBlock};
use crate::source::ByteSpan;
use std::ops::Range;

/// Extracts an Angular component template (`*.component.html`).
pub fn extract(text: &str) -> Extracted {
    let mut out = Extracted::default();
    scan_markup(
        text,
        0..text.len(),
        &Markup::new(MarkupDialect::Angular, Lang::Ts),
        &mut out,
    );
    out.blocks.sort_by_key(|b| b.span.start);
    out
}

/// Extracts a component's `.ts` file: the whole file as one TypeScript block, plus the inline
/// `template:` of each `@Component({…})` scanned as a template with spans into the `.ts` file,
/// and the first `templateUrl:` as written.
pub fn extract_component_ts(text: &str) -> Extracted {
    let mut out = Extracted {
        blocks: vec![ScriptBlock {
            span: ByteSpan::new(0, text.len() as u32),
            lang: Lang::Ts,
            kind: BlockKind::Script,
            decoded: None,
        }],
        ..Default::default()
    };
    let b = text.as_bytes();
    let mut from = 0;
    while let Some(p) = text[from..].find("@Component") {
        let at = from + p;
        from = at + "@Component".len();
        let open = from + (text[from..].len() - text[from..].trim_start().len());
        if b.get(open) != Some(&b'(') {
            continue;
        }
        let Some(close) = match_js_bracket(b, open) else {
            break;
        };
        for (key, value) in string_props(b, open + 1..close) {
            match key.as_str() {
                "template" => {
                    let mut markup = Markup::new(MarkupDialect::Angular, Lang::Ts);
                    markup.js_string = true;
                    scan_markup(text, value, &markup, &mut out);
                }
                "templateUrl" if out.template_url.is_none() => {
                    out.template_url = Some(text[value].to_string());
                }
                _ => {}
            }
        }
        from = close + 1;
    }
    out.blocks.sort_by_key(|b| b.span.start);
    out
}

/// The string-valued properties of the object literal that is the first argument in
/// `b[range]` (the inside of a call's parentheses): key and the range of the string's content.
fn string_props(b: &[u8], range: Range<usize>) -> Vec<(String, Range<usize>)> {
    let mut props = Vec::new();
    // 1 = inside the parentheses, 2 = inside the object literal.
    let mut depth = 1usize;
    let mut key: Option<String> = None;
    let mut colon = false;
    let mut i = range.start;
    while i < range.end {
        let c = b[i];
        match c {
            b' ' | b'\t' | b'\n' | b'\r' => {}
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < range.end && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                while i + 1 < range.end && !(b[i] == b'*' && b[i + 1] == b'/') {
                    i += 1;
                }
                i += 1;
            }
            b'\'' | b'"' | b'`' => {
                let end = skip_js_string(b, i).min(range.end);
                let content = i + 1..end;
                if depth == 2 && colon {
                    if let Some(k) = key.take() {
                        props.push((k, content));
                    }
                    colon = false;
                } else if depth == 2 && key.is_none() {
                    // A quoted key: `'template': …`.
                    key = Some(String::from_utf8_lossy(&b[content]).into_owned());
                } else {
                    key = None;
                    colon = false;
                }
                i = end;
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                key = None;
                colon = false;
            }
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                key = None;
                colon = false;
            }
            b':' if depth == 2 && key.is_some() => colon = true,
            c if c == b'_' || c == b'$' || c.is_ascii_alphanumeric() => {
                let start = i;
                while i + 1 < range.end
                    && (b[i + 1] == b'_' || b[i + 1] == b'$' || b[i + 1].is_ascii_alphanumeric())
                {
                    i += 1;
                }
                if depth == 2 && !colon {
                    key = Some(String::from_utf8_lossy(&b[start..=i]).into_owned());
                } else {
                    key = None;
                    colon = false;
                }
            }
            _ => {
                key = None;
                colon = false;
            }
        }
        i += 1;
    }
    props
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testing::{exprs, slice};
    use crate::parse::parse_block;

    const TEMPLATE: &str = r#"<form [formGroup]="form" (ngSubmit)="onSubmit()">
  <input [(ngModel)]="user.email" name="email" (blur)="onBlur($event)" #emailInput>
  <input formControlName="phone" type="tel" (keyup.enter)="save(form.value)">
  <input [formControl]="zipCtrl" class="rr-mask">
  <input value="{{ user.name }}" id="nm">
  @if (user) {
    <p class="who" title="{{ user.email }}">{{ user.email }} &amp; {{ user.phone | mask }}</p>
  }
  <div [innerHTML]="user.bio"></div>
</form>
"#;

    #[test]
    fn component_template() {
        let ex = extract(TEMPLATE);
        for b in &ex.blocks {
            assert_eq!(b.lang, Lang::Ts);
            if !slice(TEMPLATE, b.span).contains('|') {
                parse_block(TEMPLATE, b).unwrap_or_else(|e| panic!("{b:?}: {}", e.message));
            }
        }
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            exprs(TEMPLATE, &ex),
            vec![
                (s("ngSubmit"), s("form"), "onSubmit()".into()),
                (s("blur"), s("input"), "onBlur($event)".into()),
                (s("keyup"), s("input"), "save(form.value)".into()),
                (None, s("input"), "user.name".into()),
                (None, s("p"), "user.email".into()),
                (None, s("p"), "user.email".into()),
                (None, s("p"), "user.phone | mask".into()),
            ]
        );
        let bindings: Vec<_> = ex
            .elements
            .iter()
            .filter(|e| e.tag == "input")
            .map(|e| e.binding.as_deref())
            .collect();
        assert_eq!(
            bindings,
            vec![
                Some("user.email"),
                Some("phone"),
                Some("zipCtrl"),
                Some("user.name")
            ]
        );
        let email = ex
            .elements
            .iter()
            .find(|e| e.name.as_deref() == Some("email"))
            .unwrap();
        assert_eq!(
            slice(TEMPLATE, email.span),
            "<input [(ngModel)]=\"user.email\" name=\"email\" (blur)=\"onBlur($event)\" #emailInput>"
        );
        let zip = ex
            .elements
            .iter()
            .find(|e| e.binding.as_deref() == Some("zipCtrl"))
            .unwrap();
        assert_eq!(zip.masks, vec!["rr-mask"]);
        let who = ex.elements.iter().find(|e| e.tag == "p").unwrap();
        assert_eq!(who.displays, vec!["user.email", "user.phone | mask"]);
        let div = ex.elements.iter().find(|e| e.tag == "div").unwrap();
        assert_eq!(div.displays, vec!["user.bio"]);
    }

    const COMPONENT: &str = r#"import { Component } from '@angular/core';

@Component({
  selector: 'app-signup',
  // template: `<b>commented out</b>`,
  template: `
    <label>Email <input [(ngModel)]="model.email" name="email" (change)="track(model.email)"></label>
    <span class="greeting">Hi {{ model.name }}</span>
    <button (click)="go('x')">Go</button>
  `,
  styles: [`:host { display: block }`],
})
export class SignupComponent {
  model = { email: '', name: '' };
  track(v: string) { (window as any).analytics.track('email', { v }); }
}

@Component({ selector: 'app-other', templateUrl: './other.component.html' })
export class OtherComponent {}

@Component({
  selector: 'app-quoted',
  template: '<a (click)="open(\'home\')">Home</a>',
})
export class QuotedComponent {}
"#;

    #[test]
    fn component_ts_inline_template() {
        let ex = extract_component_ts(COMPONENT);
        assert_eq!(ex.template_url.as_deref(), Some("./other.component.html"));
        assert_eq!(ex.blocks[0].kind, BlockKind::Script);
        assert_eq!(ex.blocks[0].span, ByteSpan::new(0, COMPONENT.len() as u32));
        for b in &ex.blocks {
            parse_block(COMPONENT, b).unwrap_or_else(|e| panic!("{b:?}: {}", e.message));
        }
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            exprs(COMPONENT, &ex),
            vec![
                (s("change"), s("input"), "track(model.email)".into()),
                (None, s("span"), "model.name".into()),
                (s("click"), s("button"), "go('x')".into()),
                (s("click"), s("a"), "open('home')".into()),
            ]
        );
        // Offsets point into the .ts file.
        let change = &ex.blocks[1];
        assert_eq!(slice(COMPONENT, change.span), "track(model.email)");
        assert!(change.decoded.is_none());
        let quoted = ex.blocks.last().unwrap();
        assert_eq!(slice(COMPONENT, quoted.span), r"open(\'home\')");
        let email = ex
            .elements
            .iter()
            .find(|e| e.name.as_deref() == Some("email"))
            .unwrap();
        assert_eq!(email.binding.as_deref(), Some("model.email"));
        assert!(slice(COMPONENT, email.span).starts_with("<input [(ngModel)]"));
        let greeting = ex.elements.iter().find(|e| e.tag == "span").unwrap();
        assert_eq!(greeting.displays, vec!["model.name"]);
        assert!(ex.elements.iter().all(|e| e.tag != "b"));
    }

    #[test]
    fn escaped_quotes_in_a_string_template() {
        let text = "@Component({ template: \"<input name=\\\"email\\\" [(ngModel)]=\\\"user.email\\\" (blur)=\\\"send(\\'x\\')\\\">{{ a }}\" })\nclass C {}\n";
        let ex = extract_component_ts(text);
        let input = &ex.elements[0];
        assert_eq!(input.name.as_deref(), Some("email"));
        assert_eq!(input.binding.as_deref(), Some("user.email"));
        let blur = &ex.blocks[1];
        assert_eq!(slice(text, blur.span), r"send(\'x\')");
        assert_eq!(blur.decoded.as_deref(), Some("send('x')"));
        parse_block(text, blur).unwrap();
        assert_eq!(slice(text, ex.blocks[2].span), "a");
    }
}
