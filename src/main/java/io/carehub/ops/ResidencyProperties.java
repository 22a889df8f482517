package io.carehub.ops;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Data residency of the bot platforms ({@code carehub.residency}; defaults in application.yml), checked in the prod
 * profile by {@link DataResidencyPolicy}.
 *
 * @param enforce in the prod profile, refuse to start with a bot endpoint outside the regions below
 * @param watsonxRegions IBM Cloud regions watsonx Assistant may run in, as its URL's host names them
 *     ({@code api.eu-de.assistant.watson.cloud.ibm.com})
 * @param lexRegions AWS regions the Lex V2 runtime may run in ({@code carehub.dialog.lex.region} and the endpoint)
 * @param allowOpenai OpenAI (whose processing is not bound to a region here) only when this is explicitly true
 */
@Validated
@ConfigurationProperties("carehub.residency")
public record ResidencyProperties(
        @NotNull Boolean enforce,
        @NotEmpty List<String> watsonxRegions,
        @NotEmpty List<String> lexRegions,
        @NotNull Boolean allowOpenai) {}
