package io.cameliotf.iotf.springboot;

import io.cameliotf.iotf.IotfComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Configures the iotf component from {@code camel.component.iotf.*}, as Camel's own starters configure theirs: a
 * {@link ComponentCustomizer} copies every option that was set onto the component when Camel creates it. Options
 * nobody set keep the component's defaults. {@code camel.component.iotf.enabled=false} turns it off, and so does
 * {@code camel.component.iotf.customizer.enabled=false} (or {@code camel.component.customizer.enabled=false}).
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, IotfComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.iotf"})
public class IotfComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final IotfComponentConfiguration configuration;

    public IotfComponentAutoConfiguration(ApplicationContext applicationContext,
            IotfComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.configuration = configuration;
    }

    /** Turns bean references ({@code #name}) into the component's object options. */
    @Bean
    static IotfComponentConverter iotfComponentConverter(ApplicationContext applicationContext) {
        return new IotfComponentConverter(applicationContext);
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureIotfComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelContext context = target.getCamelContext();
                CamelPropertiesHelper.copyProperties(context, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.iotf.customizer") && target instanceof IotfComponent;
            }
        };
    }
}
