package io.cameliotf.iotf.springboot;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Binds the component's object options from a bean reference, as Camel's starters do:
 * {@code camel.component.iotf.ssl-context-parameters=#mySslContext} (or {@code #bean:mySslContext}) is the bean of
 * that name. Any other text is not a reference, and is left to Spring's own conversion.
 */
@ConfigurationPropertiesBinding
public class IotfComponentConverter implements GenericConverter {

    private final ApplicationContext applicationContext;

    public IotfComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, io.cameliotf.iotf.IotfConfiguration.class),
                new ConvertiblePair(String.class, org.apache.camel.spi.IdempotentRepository.class),
                new ConvertiblePair(String.class, org.apache.camel.support.jsse.SSLContextParameters.class));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String ref = source.toString();
        if (!ref.startsWith("#")) {
            return null;
        }
        String name = ref.startsWith("#bean:") ? ref.substring("#bean:".length()) : ref.substring(1);
        return applicationContext.getBean(name, targetType.getType());
    }
}
