package io.carehub.pages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/** R15/R16: the failure pages the security filters redirect to (a filter cannot render a template). */
@Controller
class ProblemPageController {

    @GetMapping("/pages/problem/{slug}")
    ModelAndView problem(@PathVariable String slug) {
        return ProblemPage.ofSlug(slug).orElse(ProblemPage.LINK_UNKNOWN).view();
    }
}
